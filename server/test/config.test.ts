import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defineConfig } from '../src/config'
import { loadConfig } from '../src/loadConfig'

describe('config', () => {
  it('fills the documented defaults', () => {
    const config = defineConfig()
    expect(config).toMatchObject({
      applicationName: 'Portico',
      instanceType: 'development',
      sessionMode: 'single',
      signUp: { emailAddress: 'required', password: 'required', firstName: 'off', lastName: 'off', username: 'off' },
      sessions: { inactivityTimeoutSeconds: 604_800, maxLifetimeSeconds: 2_592_000, tokenLifetimeSeconds: 60 },
      passwords: { minLength: 8, maxLength: 128, rejectCommon: true },
      lockout: { maxAttempts: 10, durationSeconds: 3600 },
      codes: { ttlSeconds: 600, maxAttempts: 5 },
    })
  })

  it.each([
    ['a minimum password length under 8', { passwords: { minLength: 6 } }],
    ['a lockout above 100 attempts', { lockout: { maxAttempts: 500 } }],
    ['an unknown instance type', { instanceType: 'staging' }],
    ['a public URL that is not a URL', { publicUrl: 'localhost' }],
    ['no hashing slot at all', { passwords: { hashConcurrency: 0 } }],
    ['a fractional hashing concurrency', { passwords: { hashConcurrency: 1.5 } }],
    ['a negative hashing queue', { passwords: { maxQueuedHashes: -1 } }],
  ])('refuses %s', (_name, input) => {
    expect(() => defineConfig(input as never)).toThrow()
  })

  it('reads a JSON file, then the environment on top', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portico-config-')), 'portico.json')
    writeFileSync(file, JSON.stringify({ applicationName: 'Acme', instanceType: 'production', allowedOrigins: ['https://a.example'] }))
    const config = await loadConfig({
      file,
      env: { PORTICO_ALLOWED_ORIGINS: 'https://b.example, https://c.example', SMTP_URL: 'smtp://mail:25', PORTICO_PUBLIC_URL: 'https://auth.example' },
    })
    expect(config).toMatchObject({ applicationName: 'Acme', instanceType: 'production', allowedOrigins: ['https://b.example', 'https://c.example'], smtpUrl: 'smtp://mail:25', publicUrl: 'https://auth.example' })
  })

  it('uses the given default public URL when none is configured', async () => {
    expect((await loadConfig({ env: {}, defaultPublicUrl: 'http://localhost:4567' })).publicUrl).toBe('http://localhost:4567')
  })
})
