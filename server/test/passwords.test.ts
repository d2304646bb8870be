import { describe, expect, it } from 'vitest'
import { defineConfig } from '../src/config'
import { FapiError } from '../src/errors/fapiError'
import { createPasswords } from '../src/services/passwords'

const passwords = createPasswords(defineConfig())

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  }
  catch (error) {
    return error instanceof FapiError ? error.code : 'other'
  }
}

describe('passwords', () => {
  it.each([
    ['7 code points', 'abcdefg', 'form_password_length_too_short'],
    ['8 code points', 'qx7-lmno', undefined],
    ['64 code points', `${'q'.repeat(63)}x`, undefined],
    ['128 code points', 'z'.repeat(128), undefined],
    ['129 code points', 'z'.repeat(129), 'form_password_length_too_long'],
    ['8 emoji (32 bytes)', '🦊🦊🦊🦊🦊🦊🦊🦊', undefined],
    ['7 emoji', '🦊🦊🦊🦊🦊🦊🦊', 'form_password_length_too_short'],
    ['a top-10,000 password', 'sunshine', 'form_password_pwned'],
    ['a top-10,000 password in capitals', 'SUNSHINE', 'form_password_pwned'],
  ])('judges %s', (_name, password, expected) => {
    expect(codeOf(() => passwords.validate(password))).toBe(expected)
  })

  it('hashes with argon2id m=19456 t=2 p=1', async () => {
    const hash = await passwords.hash('violet-harbor-lantern-42')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(passwords.needsRehash(hash)).toBe(false)
  })

  it('verifies the same password in composed and decomposed forms (NFKC)', async () => {
    const hash = await passwords.hash(passwords.validate('caf\u00E9-lantern-42'))
    expect(await passwords.verify(hash, 'cafe\u0301-lantern-42')).toBe(true)
    expect(await passwords.verify(hash, 'cafe-lantern-42')).toBe(false)
  })

  it('answers false for a missing hash after the same work (dummy hash)', async () => {
    expect(await passwords.verify(null, 'anything-at-all')).toBe(false)
  })

  it('asks to rehash weaker parameters', () => {
    expect(passwords.needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY')).toBe(true)
  })
})

describe('hashing under load', () => {
  it('runs one hash per core and queues the rest, so 3 x cores parallel hashes all succeed', async () => {
    const { availableParallelism } = await import('node:os')
    const results = await Promise.all(Array.from({ length: availableParallelism() * 3 }, (_, i) => passwords.hash(`parallel-password-${i}`)))
    expect(new Set(results).size).toBe(results.length)
  })
})
