import type { HeldHasher } from './helpers/heldHasher'
import { describe, expect, it } from 'vitest'
import { defineConfig } from '../src/config'
import { FapiError } from '../src/errors/fapiError'
import { createPasswords } from '../src/services/passwords'
import { createHeldHasher } from './helpers/heldHasher'

function heldPasswords(hashConcurrency: number, maxQueuedHashes: number) {
  const hasher = createHeldHasher()
  hasher.holding = true
  return { hasher, passwords: createPasswords(defineConfig({ passwords: { hashConcurrency, maxQueuedHashes } }), hasher) }
}

/** Lets every pending promise callback and timer of this turn run, so a gate that would start more has done so. */
function settle(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve))
}

function started(hasher: HeldHasher): string[] {
  return hasher.calls.map(call => call.password)
}

// security.md #43 (PW-6): the hashing gate bounds concurrent argon2id work and sheds the excess with 503
describe('password hashing gate (PW-6, security.md #43)', () => {
  it('never runs more than `hashConcurrency` hashes at once; the rest wait and all succeed', async () => {
    const { hasher, passwords } = heldPasswords(2, 10)
    const hashes = Array.from({ length: 6 }, (_, i) => passwords.hash(`queued-password-${i}`))
    await hasher.started(2)
    await settle()
    expect(hasher.inFlight).toBe(2)
    expect(hasher.calls).toHaveLength(2)
    for (let next = 3; next <= 6; next++) {
      await hasher.release()
      await hasher.started(next)
      await settle()
      expect(hasher.calls).toHaveLength(next)
      expect(hasher.inFlight).toBe(2)
    }
    await hasher.release(2)
    const results = await Promise.all(hashes)
    expect(results.every(hash => hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$'))).toBe(true)
    expect(hasher.peak).toBe(2)
  })

  it('serves the queue in arrival order', async () => {
    const { hasher, passwords } = heldPasswords(1, 10)
    const order = ['first-in-line', 'second-in-line', 'third-in-line', 'fourth-in-line']
    const hashes = order.map(password => passwords.hash(password))
    for (let i = 1; i <= order.length; i++) {
      await hasher.started(i)
      await settle()
      expect(started(hasher)).toEqual(order.slice(0, i))
      await hasher.release()
    }
    expect(await Promise.all(hashes)).toHaveLength(order.length)
  })

  it('refuses at once with 503 service_unavailable + Retry-After beyond the queue bound, without hashing', async () => {
    const { hasher, passwords } = heldPasswords(1, 2)
    const admitted = [passwords.hash('running-password'), passwords.hash('waiting-password-1'), passwords.hash('waiting-password-2')]
    await hasher.started(1)
    let reserved = 0
    const refusals = await Promise.allSettled([
      passwords.hash('one-too-many'),
      passwords.verify(null, 'unknown-account-password'),
      passwords.verify('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA', 'refused-guess', { beforeHash: async () => {
        reserved++
      } }),
    ])
    for (const refusal of refusals) {
      expect(refusal.status).toBe('rejected')
      const error = (refusal as PromiseRejectedResult).reason
      expect(error).toBeInstanceOf(FapiError)
      expect(error.status).toBe(503)
      expect(error.code).toBe('service_unavailable')
      expect(Number(error.headers['Retry-After'])).toBeGreaterThanOrEqual(1)
    }
    expect(reserved).toBe(0)
    await settle()
    expect(started(hasher)).toEqual(['running-password'])
    await hasher.release()
    await hasher.started(2)
    await hasher.release()
    await hasher.started(3)
    await hasher.release()
    expect(await Promise.all(admitted)).toHaveLength(3)
  })

  it('runs `beforeHash` inside the slot, right before the hash', async () => {
    const { hasher, passwords } = heldPasswords(1, 1)
    const stored = await (async () => {
      hasher.holding = false
      const hash = await passwords.hash('stored-password-1')
      hasher.holding = true
      return hash
    })()
    const steps: string[] = []
    const first = passwords.verify(stored, 'stored-password-1', { beforeHash: async () => {
      steps.push(`reserve first (${hasher.inFlight} in flight)`)
    } })
    const second = passwords.verify(stored, 'wrong-password-2', { beforeHash: async () => {
      steps.push(`reserve second (${hasher.inFlight} in flight)`)
    } })
    await hasher.started(2)
    await settle()
    expect(steps).toEqual(['reserve first (0 in flight)'])
    await hasher.release()
    expect(await first).toBe(true)
    await hasher.started(3)
    expect(steps).toEqual(['reserve first (0 in flight)', 'reserve second (0 in flight)'])
    await hasher.release()
    expect(await second).toBe(false)
  })
})
