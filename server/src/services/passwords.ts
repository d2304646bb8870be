import type { PorticoConfig } from '../config'
import { randomBytes } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { hash as argonHash, verify as argonVerify, parseOptions } from '@node-rs/argon2'
import { FapiError } from '../errors/fapiError'
import { commonPasswords } from './commonPasswords'
import { createPasswordHashGate } from './passwordHashGate'

// PW-5: argon2id with explicit parameters (OWASP: m = 19 MiB, t = 2, p = 1), 32-byte tag
const ARGON2ID = 2
const params = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

/** What a verification may do inside its hashing slot before the hash itself. */
export interface VerifyOptions {
  /**
   * Runs once the hashing slot is granted, before the hash: a lockout attempt reserved here is never
   * spent by a request that the gate refuses (`503`), since that one never gets a slot.
   */
  beforeHash?: () => Promise<void>
}

/** Password hashing, verification and policy checks. */
export interface Passwords {
  /** Throws the FAPI error for a password that breaks the rules; returns the NFKC form to hash. */
  validate: (password: string, paramName?: string) => string
  /** argon2id hash (PHC string) of an already validated password; `503` when the hashing queue is full. */
  hash: (password: string) => Promise<string>
  /**
   * Checks a password against a stored hash, or against a dummy hash when there is none (same timing);
   * `503` when the hashing queue is full.
   */
  verify: (stored: string | null, password: string, options?: VerifyOptions) => Promise<boolean>
  /** argon2id hashes of several secrets (a set of backup codes), one after another in one hashing slot. */
  hashAll: (secrets: readonly string[]) => Promise<string[]>
  /** The index of the first of `stored` that `secret` matches, or -1; one hashing slot, stops at the match. */
  findMatch: (stored: readonly string[], secret: string, options?: VerifyOptions) => Promise<number>
  /** True when a stored hash used weaker parameters than today's and should be replaced. */
  needsRehash: (stored: string) => boolean
}

/** The hash function itself (a seam for tests, which wrap the real one to watch or hold it). */
export interface PasswordHasher {
  hash: (password: string) => Promise<string>
  verify: (stored: string, password: string) => Promise<boolean>
}

/** argon2id with today's parameters, on libuv's thread pool. */
export const argon2idHasher: PasswordHasher = {
  hash: password => argonHash(password, params),
  verify: (stored, password) => argonVerify(stored, password),
}

/** Hashes waiting per slot by default: 64 x ~15 ms of CPU each is about a second of queueing (PW-6). */
const QUEUED_PER_SLOT = 64

/** Password hashing and rules from the configuration (PW-1..PW-6). */
export function createPasswords(config: PorticoConfig, hasher: PasswordHasher = argon2idHasher): Passwords {
  const { minLength, maxLength, rejectCommon } = config.passwords
  // PW-6: one hash per core at a time (19 MiB each); a bounded FIFO queue waits, beyond it the server is busy
  const concurrency = config.passwords.hashConcurrency ?? availableParallelism()
  const gate = createPasswordHashGate({ concurrency, maxQueued: config.passwords.maxQueuedHashes ?? QUEUED_PER_SLOT * concurrency })
  let dummy: Promise<string> | undefined

  function validate(password: string, paramName = 'password'): string {
    // PW-4: canonicalize (NFKC) the same way when setting and verifying; count code points
    const normalized = password.normalize('NFKC')
    const length = [...normalized].length
    if (length < minLength)
      throw new FapiError('form_password_length_too_short', { meta: { param_name: paramName } })
    if (length > maxLength)
      throw new FapiError('form_password_length_too_long', { meta: { param_name: paramName } })
    if (rejectCommon && commonPasswords().has(normalized.toLowerCase()))
      throw new FapiError('form_password_pwned', { meta: { param_name: paramName } })
    return normalized
  }

  return {
    validate,
    hash: password => gate.run(() => hasher.hash(password)),
    verify(stored, password, { beforeHash } = {}) {
      // refuse absurd inputs before hashing: the body limit already caps them, this caps the work
      const normalized = password.length > maxLength * 4 ? '' : password.normalize('NFKC')
      return gate.run(async () => {
        await beforeHash?.()
        if (!stored) {
          // same work as for a real account; the dummy is made once, inside the slot of its first use
          dummy ??= hasher.hash(randomBytes(16).toString('hex')).catch((error) => {
            dummy = undefined
            throw error
          })
          await hasher.verify(await dummy, normalized || 'x')
          return false
        }
        if (!normalized)
          return false
        try {
          return await hasher.verify(stored, normalized)
        }
        catch {
          // a malformed stored hash only means "no match"
          return false
        }
      })
    },
    // one request's several hashes take one slot, in series: they neither crowd the queue nor get refused half-done
    hashAll: secrets => gate.run(async () => {
      const hashes: string[] = []
      for (const secret of secrets)
        hashes.push(await hasher.hash(secret))
      return hashes
    }, secrets.length),
    findMatch: (stored, secret, { beforeHash } = {}) => gate.run(async () => {
      await beforeHash?.()
      for (const [index, hash] of stored.entries()) {
        if (await hasher.verify(hash, secret).catch(() => false))
          return index
      }
      return -1
    }, stored.length),
    needsRehash(stored) {
      try {
        const options = parseOptions(stored)
        return options.algorithm !== ARGON2ID || options.memoryCost < params.memoryCost
          || options.timeCost < params.timeCost || options.outputLen < params.outputLen
      }
      catch {
        return true
      }
    },
  }
}
