import { describe, expect, it } from 'vitest'
import { signUpSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError, timestamps } from '../helpers/wire'

describeEachDb('sign-ups: create', (ctx) => {
  describe('create', () => {
    it('answers a sign_up_attempt that misses the email verification, with the client piggybacked', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      const email = uniqueEmail()
      const res = await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD, locale: 'en-US', timezone: 'Europe/Paris' })
      const { response, client } = expectEnvelope(res, signUpSchema)
      expect(response).toMatchObject({
        object: 'sign_up_attempt',
        status: 'missing_requirements',
        email_address: email,
        required_fields: ['email_address', 'password'],
        missing_fields: [],
        unverified_fields: ['email_address'],
        has_password: true,
        password_enabled: true,
      })
      expect(response.verifications?.email_address).toMatchObject({ status: 'unverified', next_action: 'needs_prepare', supported_strategies: ['email_code'] })
      expect(client?.sign_up?.id).toBe(response.id)
    })

    it('sets the HttpOnly, SameSite=Lax client cookie on first contact', async () => {
      const server = createTestServer(ctx.db)
      const res = await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail() })
      const cookie = res.headers.getSetCookie().find(line => line.startsWith('__client='))
      expect(cookie).toMatch(/HttpOnly/)
      expect(cookie).toMatch(/SameSite=Lax/)
      expect(cookie).toMatch(/Path=\//)
      expect(cookie).not.toMatch(/Secure/)
    })

    it('marks the cookie Secure when the public URL is https', async () => {
      const server = createTestServer(ctx.db, { publicUrl: 'https://auth.example.com', allowedOrigins: ['http://localhost:5173'] })
      const res = await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail() })
      expect(res.headers.getSetCookie().find(line => line.startsWith('__client='))).toMatch(/Secure/)
    })

    it('sends every timestamp in milliseconds', async () => {
      const server = createTestServer(ctx.db)
      const res = await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail() })
      const found = timestamps(res.body)
      expect(found.length).toBeGreaterThan(3)
      const later: Record<string, number> = { abandon_at: 24 * 3600 * 1000, cookie_expires_at: 365 * 24 * 3600 * 1000 }
      for (const [key, value] of found)
        expect([key, value]).toEqual([key, server.clock() + (later[key] ?? 0)])
    })

    it('computes required, optional and missing fields from the configuration', async () => {
      const server = createTestServer(ctx.db, { signUp: { firstName: 'required', lastName: 'optional', username: 'required' } })
      const res = await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail(), first_name: 'Ada' })
      const { response } = expectEnvelope(res, signUpSchema)
      expect(response.required_fields).toEqual(['email_address', 'password', 'first_name', 'username'])
      expect(response.optional_fields).toEqual(['last_name'])
      expect(response.missing_fields).toEqual(['password', 'username'])
    })

    it('ignores unknown parameters', async () => {
      const server = createTestServer(ctx.db)
      const res = await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail(), captcha_token: 'x', whatever: '1' })
      expect(res.status).toBe(200)
    })

    it('stores unsafe metadata sent as a JSON string', async () => {
      const server = createTestServer(ctx.db)
      const res = await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail(), unsafe_metadata: '{"plan":"free","n":1}' })
      expect(expectEnvelope(res, signUpSchema).response.unsafe_metadata).toEqual({ plan: 'free', n: 1 })
    })

    it.each([
      ['an email without a domain', { email_address: 'ada@' }, 'form_param_format_invalid', 'email_address'],
      ['a full-width at sign', { email_address: 'ada＠example.com' }, 'form_param_format_invalid', 'email_address'],
      ['a 7-character password', { email_address: 'x@example.com', password: 'abcdefg' }, 'form_password_length_too_short', 'password'],
      ['a 129-character password', { email_address: 'x@example.com', password: 'a'.repeat(129) }, 'form_password_length_too_long', 'password'],
      ['a top-10,000 password', { email_address: 'x@example.com', password: 'Password1' }, 'form_password_pwned', 'password'],
      ['malformed metadata', { email_address: 'x@example.com', unsafe_metadata: '{nope' }, 'form_param_format_invalid', 'unsafe_metadata'],
      ['an OAuth strategy', { strategy: 'oauth_google' }, 'form_param_value_invalid', 'strategy'],
    ])('refuses %s with 422', async (_name, form, code, param) => {
      const server = createTestServer(ctx.db)
      expectError(await server.browser().post('/v1/client/sign_ups', form), 422, code, param)
    })

    it('accepts 128 emoji (512 bytes) as a password: length counts code points', async () => {
      const server = createTestServer(ctx.db)
      const res = await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail(), password: '🦊'.repeat(128) })
      expect(expectEnvelope(res, signUpSchema).response.has_password).toBe(true)
    })

    it('refuses an email address an account already holds, whatever its case', async () => {
      const server = createTestServer(ctx.db)
      const email = uniqueEmail()
      await signUp(server, server.browser(), email)
      expectError(await server.browser().post('/v1/client/sign_ups', { email_address: email.toUpperCase() }), 422, 'form_identifier_exists', 'email_address')
    })

    it('refuses a taken username case-insensitively', async () => {
      const server = createTestServer(ctx.db, { signUp: { username: 'optional' } })
      const name = `ada${Math.random().toString(36).slice(2, 8)}`
      await signUp(server, server.browser(), uniqueEmail(), GOOD_PASSWORD, { username: name })
      expectError(await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail(), username: name.toUpperCase() }), 422, 'form_identifier_exists', 'username')
    })

    it('answers session_exists in single-session mode while signed in', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      await signUp(server, browser, uniqueEmail())
      expectError(await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail() }), 400, 'session_exists')
    })
  })
})
