import { describe, expect, it } from 'vitest'
import { deletedObjectSchema, totpSchema, userSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { enrollTotp, toMidStep, totpCode } from '../helpers/secondFactorFlows'
import { createTestServer, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

describeEachDb('second factor: authenticator app enrolment', (ctx) => {
  async function signedIn(config = {}) {
    const server = createTestServer(ctx.db, config)
    const browser = server.browser()
    const account = await signUp(server, browser, uniqueEmail())
    return { server, browser, account }
  }

  describe('pOST /v1/me/totp', () => {
    it('answers an unverified enrolment with a base32 secret of 160 bits and its otpauth URI', async () => {
      const { browser, account } = await signedIn()
      const { response } = expectEnvelope(await browser.post('/v1/me/totp'), totpSchema)
      expect(response).toMatchObject({ object: 'totp', verified: false })
      expect(response.id).toMatch(/^totp_/)
      // 20 bytes = 32 base32 characters, no padding
      expect(response.secret).toMatch(/^[A-Z2-7]{32}$/)
      const uri = new URL(response.uri!)
      expect(uri.protocol).toBe('otpauth:')
      expect(uri.host).toBe('totp')
      expect(decodeURIComponent(uri.pathname)).toBe(`/Portico:${account.email}`)
      expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret: response.secret, issuer: 'Portico', algorithm: 'SHA1', digits: '6', period: '30' })
    })

    it('names the configured issuer in the URI', async () => {
      const { browser } = await signedIn({ secondFactors: { issuer: 'Acme Corp' } })
      const { response } = expectEnvelope(await browser.post('/v1/me/totp'), totpSchema)
      expect(new URL(response.uri!).searchParams.get('issuer')).toBe('Acme Corp')
    })

    it('replaces an enrolment that was never verified with a new secret', async () => {
      const { server, browser } = await signedIn()
      const first = expectEnvelope(await browser.post('/v1/me/totp'), totpSchema).response
      const second = expectEnvelope(await browser.post('/v1/me/totp'), totpSchema).response
      expect(second.secret).not.toBe(first.secret)
      expectError(await browser.post('/v1/me/totp/attempt_verification', { code: totpCode(first.secret!, server.clock()) }), 422, 'form_code_incorrect', 'code')
      expectEnvelope(await browser.post('/v1/me/totp/attempt_verification', { code: totpCode(second.secret!, server.clock()) }), totpSchema)
    })

    it('refuses a second authenticator app while one is set up', async () => {
      const { server, browser } = await signedIn()
      await enrollTotp(server, browser)
      expectError(await browser.post('/v1/me/totp'), 403, 'resource_forbidden')
    })

    it('needs a signed-in session', async () => {
      const server = createTestServer(ctx.db)
      expectError(await server.browser().post('/v1/me/totp'), 401, 'authentication_invalid')
    })

    it('is refused when authenticator apps are off', async () => {
      const { browser } = await signedIn({ secondFactors: { totp: false } })
      expectError(await browser.post('/v1/me/totp'), 403, 'resource_forbidden')
    })
  })

  describe('pOST /v1/me/totp/attempt_verification', () => {
    it('verifies with the current code, hands out 10 backup codes once and turns two-factor on', async () => {
      const { server, browser } = await signedIn()
      const { secret } = expectEnvelope(await browser.post('/v1/me/totp'), totpSchema).response
      const { response, client } = expectEnvelope(await browser.post('/v1/me/totp/attempt_verification', { code: totpCode(secret!, server.clock()) }), totpSchema)
      expect(response).toMatchObject({ object: 'totp', verified: true, secret: null, uri: null })
      expect(response.backup_codes).toHaveLength(10)
      expect(new Set(response.backup_codes).size).toBe(10)
      for (const code of response.backup_codes!)
        expect(code).toMatch(/^[a-z2-7]{10}$/)
      expect(client?.sessions[0]?.user).toMatchObject({ two_factor_enabled: true, totp_enabled: true, backup_code_enabled: true })
      const user = expectEnvelope(await browser.get('/v1/me'), userSchema).response
      expect(JSON.stringify(user)).not.toContain(response.backup_codes![0])
    })

    it('refuses a wrong code with form_code_incorrect (422, never 401)', async () => {
      const { server, browser } = await signedIn()
      const { secret } = expectEnvelope(await browser.post('/v1/me/totp'), totpSchema).response
      const right = totpCode(secret!, server.clock())
      expectError(await browser.post('/v1/me/totp/attempt_verification', { code: right === '000000' ? '111111' : '000000' }), 422, 'form_code_incorrect', 'code')
      expectError(await browser.post('/v1/me/totp/attempt_verification', { code: 'abcdef' }), 422, 'form_code_incorrect', 'code')
      expectError(await browser.post('/v1/me/totp/attempt_verification', {}), 422, 'form_param_missing', 'code')
    })

    it('fails the enrolment after 5 wrong codes, even for the right one; a new enrolment starts over', async () => {
      const { server, browser } = await signedIn()
      const { secret } = expectEnvelope(await browser.post('/v1/me/totp'), totpSchema).response
      const right = totpCode(secret!, server.clock())
      const wrong = right === '000000' ? '111111' : '000000'
      for (let i = 0; i < 4; i++)
        expectError(await browser.post('/v1/me/totp/attempt_verification', { code: wrong }), 422, 'form_code_incorrect')
      expectError(await browser.post('/v1/me/totp/attempt_verification', { code: wrong }), 400, 'verification_failed')
      expectError(await browser.post('/v1/me/totp/attempt_verification', { code: right }), 400, 'verification_failed')
      const again = expectEnvelope(await browser.post('/v1/me/totp'), totpSchema).response
      expectEnvelope(await browser.post('/v1/me/totp/attempt_verification', { code: totpCode(again.secret!, server.clock()) }), totpSchema)
    })

    it('answers verification_not_sent before an enrolment and verification_already_verified after', async () => {
      const { server, browser } = await signedIn()
      expectError(await browser.post('/v1/me/totp/attempt_verification', { code: '123456' }), 400, 'verification_not_sent')
      const { secret } = await enrollTotp(server, browser)
      expectError(await browser.post('/v1/me/totp/attempt_verification', { code: totpCode(secret, server.clock()) }), 400, 'verification_already_verified')
    })

    // the server sits mid-step (k*30 + 15 s): a client clock off by d seconds shows the code of step floor((15 + d) / 30) + k
    it.each([
      [-61, false],
      [-46, false],
      [-45, true],
      [-31, true],
      [-29, true],
      [0, true],
      [29, true],
      [31, true],
      [44, true],
      [45, false],
      [61, false],
    ])('accepts a code from a clock off by %i s: %s (±1 step of 30 s)', async (offsetSeconds, accepted) => {
      const { server, browser } = await signedIn()
      toMidStep(server)
      const { secret } = expectEnvelope(await browser.post('/v1/me/totp'), totpSchema).response
      const res = await browser.post('/v1/me/totp/attempt_verification', { code: totpCode(secret!, server.clock() + offsetSeconds * 1000) })
      if (accepted)
        expect(expectEnvelope(res, totpSchema).response.verified).toBe(true)
      else
        expectError(res, 422, 'form_code_incorrect', 'code')
    })
  })

  describe('dELETE /v1/me/totp', () => {
    it('removes the app, its backup codes and two-factor', async () => {
      const { server, browser, account } = await signedIn()
      const { id } = await enrollTotp(server, browser)
      const { response, client } = expectEnvelope(await browser.delete('/v1/me/totp'), deletedObjectSchema)
      expect(response).toEqual({ object: 'totp', id, deleted: true })
      expect(client?.sessions[0]?.user).toMatchObject({ two_factor_enabled: false, totp_enabled: false, backup_code_enabled: false })
      expect(await ctx.db.kysely.selectFrom('backup_codes').select('id').where('user_id', '=', account.userId).execute()).toEqual([])
      expectError(await browser.delete('/v1/me/totp'), 404, 'resource_not_found')
    })
  })

  describe('at rest', () => {
    it('stores the key sealed with AES-256-GCM, never as the base32 secret', async () => {
      const { server, browser, account } = await signedIn()
      const { secret } = await enrollTotp(server, browser)
      const row = await ctx.db.kysely.selectFrom('totps').selectAll().where('user_id', '=', account.userId).executeTakeFirstOrThrow()
      expect(row.secret_sealed).not.toContain(secret)
      expect(row.secret_sealed.toUpperCase()).not.toContain(secret)
      expect(row.secret_sealed).not.toContain(Buffer.from(secret).toString('base64'))
      expect(row.secret_sealed).toMatch(/^v1\.[\w-]{8}\.[\w-]{16}\.[\w-]+$/)
      // 20 key bytes + 16 tag bytes
      expect(Buffer.from(row.secret_sealed.split('.')[3]!, 'base64url')).toHaveLength(36)
    })

    it('generates and keeps a development key in the database when none is configured', async () => {
      const { server, browser } = await signedIn()
      await enrollTotp(server, browser)
      const stored = await ctx.db.kysely.selectFrom('server_secrets').select('value').where('name', '=', 'encryption_key').executeTakeFirstOrThrow()
      expect(Buffer.from(stored.value, 'base64url')).toHaveLength(32)
    })

    it('refuses authenticator apps on a production instance without a key (503), and says why in the log', async () => {
      const { server, browser } = await signedIn({ instanceType: 'production', devInbox: true })
      expectError(await browser.post('/v1/me/totp'), 503, 'service_unavailable')
      expect(server.logs.some(line => line.includes('PORTICO_ENCRYPTION_KEY'))).toBe(true)
    })
  })
})
