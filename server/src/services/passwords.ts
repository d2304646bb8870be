import type { PorticoConfig } from '../config'
import { randomBytes } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { hash as argonHash, verify as argonVerify, parseOptions } from '@node-rs/argon2'
import { FapiError } from '../errors/fapiError'
import { createSemaphore } from '../utils/semaphore'
import { commonPasswords } from './commonPasswords'

// PW-5: argon2id with explicit parameters (OWASP: m = 19 MiB, t = 2, p = 1), 32-byte tag
const ARGON2ID = 2
const params = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

/** Password hashing, verification and policy checks. */
export interface Passwords {
  /** Throws the FAPI error for a password that breaks the rules; returns the NFKC form to hash. */
  validate: (password: string, paramName?: string) => string
  /** argon2id hash (PHC string) of an already validated password. */
  hash: (password: string) => Promise<string>
  /** Checks a password against a stored hash, or against a dummy hash when there is none (same timing). */
  verify: (stored: string | null, password: string) => Promise<boolean>
  /** True when a stored hash used weaker parameters than today's and should be replaced. */
  needsRehash: (stored: string) => boolean
}

// PW-6: one hash per core at a time (19 MiB each); a bounded queue waits, beyond it the server is busy
const MAX_WAITING_HASHES = 256

/** Password hashing and rules from the configuration (PW-1..PW-6). */
export function createPasswords(config: PorticoConfig): Passwords {
  const { minLength, maxLength, rejectCommon } = config.passwords
  const slots = createSemaphore(availableParallelism(), MAX_WAITING_HASHES)
  const busy = (): never => {
    throw new FapiError('service_unavailable', { headers: { 'Retry-After': '1' } })
  }
  const hash = (password: string) => slots.run(() => argonHash(password, params), busy)
  const verify = (stored: string, password: string) => slots.run(() => argonVerify(stored, password), busy)
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
    hash,
    async verify(stored, password) {
      // refuse absurd inputs before hashing: the body limit already caps them, this caps the work
      const normalized = password.length > maxLength * 4 ? '' : password.normalize('NFKC')
      if (!stored) {
        dummy ??= hash(randomBytes(16).toString('hex')).catch((error) => {
          dummy = undefined
          throw error
        })
        await verify(await dummy, normalized || 'x')
        return false
      }
      if (!normalized)
        return false
      try {
        return await verify(stored, normalized)
      }
      catch (error) {
        // a busy server says so; a malformed stored hash only means "no match"
        if (error instanceof FapiError)
          throw error
        return false
      }
    },
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
