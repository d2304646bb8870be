import { describe, expect, it } from 'vitest'
import { defineConfig } from '../../src/config'
import { createSecretBox, parseEncryptionKey } from '../../src/services/secretBox'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestClock } from '../helpers/testClock'

describeEachDb('second factor: secret box', (ctx) => {
  const logger = { info: () => {}, warn: () => {}, error: () => {} }
  function box(config: Parameters<typeof defineConfig>[0]) {
    return createSecretBox({ db: ctx.db, config: defineConfig(config), clock: createTestClock(), logger })
  }
  const secret = new Uint8Array(Array.from({ length: 20 }, (_, i) => i + 1))

  it('opens what it sealed, for the same context only', async () => {
    const sealed = await box({ encryptionKey: 'a'.repeat(64) }).seal(secret, 'totp_1')
    expect(await box({ encryptionKey: 'a'.repeat(64) }).open(sealed, 'totp_1')).toEqual(secret)
    await expect(box({ encryptionKey: 'a'.repeat(64) }).open(sealed, 'totp_2')).rejects.toThrow()
  })

  it('refuses a value sealed with another key, naming the problem', async () => {
    const sealed = await box({ encryptionKey: 'a'.repeat(64) }).seal(secret, 'totp_1')
    await expect(box({ encryptionKey: 'b'.repeat(64) }).open(sealed, 'totp_1')).rejects.toThrow(/another encryption key/)
  })

  it('detects tampering (GCM tag)', async () => {
    const sealed = await box({ encryptionKey: 'a'.repeat(64) }).seal(secret, 'totp_1')
    const parts = sealed.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0]! ^= 1
    parts[3] = body.toString('base64url')
    await expect(box({ encryptionKey: 'a'.repeat(64) }).open(parts.join('.'), 'totp_1')).rejects.toThrow()
  })

  it('uses a fresh IV for every seal', async () => {
    const sealer = box({ encryptionKey: 'a'.repeat(64) })
    expect(await sealer.seal(secret, 'x')).not.toBe(await sealer.seal(secret, 'x'))
  })

  it('shares one generated development key between apps on one database', async () => {
    const sealed = await box({}).seal(secret, 'totp_1')
    expect(await box({}).open(sealed, 'totp_1')).toEqual(secret)
  })
})

describe('parseEncryptionKey', () => {
  it.each([
    ['64 hex characters', 'ab'.repeat(32)],
    ['base64url', Buffer.alloc(32, 7).toString('base64url')],
    ['padded base64', Buffer.alloc(32, 7).toString('base64')],
  ])('reads %s', (_, text) => {
    expect(parseEncryptionKey(text)).toHaveLength(32)
  })

  it.each([['too short', 'abcd'], ['31 bytes', Buffer.alloc(31).toString('hex')], ['empty', '']])('rejects %s', (_, text) => {
    expect(() => parseEncryptionKey(text)).toThrow(/32 bytes/)
  })

  it('is checked when the configuration is read', () => {
    expect(() => defineConfig({ encryptionKey: 'not-a-key' })).toThrow(/32-byte key/)
    expect(defineConfig({ encryptionKey: ` ${'ab'.repeat(32)} ` }).encryptionKey).toBe('ab'.repeat(32))
  })
})
