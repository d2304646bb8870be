import { describe, expect, it } from 'vitest'
import { signUpSchema } from '../src/contract'
import { describeEachDb } from './helpers/dbSuites'
import { signUp } from './helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from './helpers/testServer'
import { expectEnvelope, expectError, timestamps } from './helpers/wire'

describeEachDb('sign-ups', (ctx) => {
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

  describe('verification', () => {
    async function started(config = {}) {
      const server = createTestServer(ctx.db, config)
      const browser = server.browser()
      const email = uniqueEmail()
      const created = await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })
      const id = created.body.response.id as string
      return { server, browser, email, id }
    }

    it('mails a 6-digit code and completes with it: user, session and client in one answer', async () => {
      const { server, browser, email, id } = await started()
      const prepared = expectEnvelope(await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' }), signUpSchema)
      expect(prepared.response.verifications?.email_address).toMatchObject({ status: 'unverified', strategy: 'email_code', next_action: 'needs_attempt', expire_at: server.clock() + 600_000 })
      const code = await server.latestCode(email)
      expect(code).toMatch(/^\d{6}$/)
      const { response, client } = expectEnvelope(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code }), signUpSchema)
      expect(response).toMatchObject({ status: 'complete', missing_fields: [], unverified_fields: [] })
      expect(response.created_user_id).toMatch(/^user_/)
      expect(client?.sessions).toHaveLength(1)
      expect(client?.sessions[0]).toMatchObject({ id: response.created_session_id, status: 'active', user: { id: response.created_user_id, password_enabled: true } })
      expect(client?.last_active_session_id).toBe(response.created_session_id)
      expect(client?.sessions[0]?.user.email_addresses[0]).toMatchObject({ email_address: email, verification: { status: 'verified', strategy: 'email_code' } })
    })

    it('refuses a wrong code with form_code_incorrect', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      const wrong = code === '000000' ? '111111' : '000000'
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: wrong }), 422, 'form_code_incorrect', 'code')
    })

    it('fails the code after 5 wrong attempts, even for the right code afterwards', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      const wrong = code === '000000' ? '111111' : '000000'
      const statuses: string[] = []
      for (let i = 0; i < 5; i++) {
        const res = await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: wrong })
        statuses.push(res.body.errors[0].code)
      }
      expect(statuses).toEqual(['form_code_incorrect', 'form_code_incorrect', 'form_code_incorrect', 'form_code_incorrect', 'verification_failed'])
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code }), 400, 'verification_failed')
    })

    it('refuses an expired code', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      server.clock.advance(10 * 60_000)
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code }), 400, 'verification_expired')
    })

    it('refuses a replayed code', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code })
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code }), 400, 'verification_already_verified')
    })

    it('refuses an attempt before any code was sent', async () => {
      const { browser, id } = await started()
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '123456' }), 400, 'verification_not_sent')
    })

    it('refuses an attempt without a code', async () => {
      const { browser, id } = await started()
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code' }), 422, 'form_param_missing', 'code')
    })

    it('holds a resend back during the cooldown, then replaces the code', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const first = await server.latestCode(email)
      const early = await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      expectError(early, 429, 'verification_code_too_many_requests')
      expect(early.headers.get('retry-after')).toBe('30')
      server.clock.advance(30_000)
      expect((await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })).status).toBe(200)
      const rows = await ctx.db.kysely.selectFrom('dev_inbox').select('code').where('to_address', '=', email).execute()
      expect(rows).toHaveLength(2)
      const second = await server.latestCode(email)
      if (first !== second)
        expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: first }), 422, 'form_code_incorrect')
      expect(expectEnvelope(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: second }), signUpSchema).response.status).toBe('complete')
    })

    it('refuses strategies other than email_code', async () => {
      const { browser, id } = await started()
      expectError(await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_link' }), 400, 'verification_strategy_invalid')
    })

    it('accepts 424242 for +clerk_test addresses on development instances, without mailing', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      const email = `ada+clerk_test.${Math.random().toString(36).slice(2)}@example.com`
      const id = (await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })).body.response.id
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      expect(await ctx.db.kysely.selectFrom('dev_inbox').select('id').where('to_address', '=', email).execute()).toHaveLength(0)
      const { response } = expectEnvelope(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '424242' }), signUpSchema)
      expect(response.status).toBe('complete')
    })

    it('does not accept 424242 on production instances', async () => {
      const server = createTestServer(ctx.db, { instanceType: 'production', devInbox: true })
      const browser = server.browser()
      const email = `ada+clerk_test.${Math.random().toString(36).slice(2)}@example.com`
      const id = (await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })).body.response.id
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      if (code !== '424242')
        expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '424242' }), 422, 'form_code_incorrect')
    })

    it('stores codes hashed, never in clear', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      const rows = await ctx.db.kysely.selectFrom('verifications').selectAll().where('target', '=', email).execute()
      expect(rows).toHaveLength(1)
      expect(JSON.stringify(rows)).not.toContain(code)
    })
  })

  describe('update and get', () => {
    it('completes on update once the last required field arrives after verification', async () => {
      const server = createTestServer(ctx.db, { signUp: { firstName: 'required' } })
      const browser = server.browser()
      const email = uniqueEmail()
      const id = (await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })).body.response.id
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const verified = expectEnvelope(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: await server.latestCode(email) }), signUpSchema)
      expect(verified.response).toMatchObject({ status: 'missing_requirements', missing_fields: ['first_name'], unverified_fields: [] })
      const { response, client } = expectEnvelope(await browser.patch(`/v1/client/sign_ups/${id}`, { first_name: 'Ada' }), signUpSchema)
      expect(response.status).toBe('complete')
      expect(client?.sessions[0]?.user.first_name).toBe('Ada')
    })

    it('asks for a new verification when the email address changes', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      const id = (await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail() })).body.response.id
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const { response } = expectEnvelope(await browser.patch(`/v1/client/sign_ups/${id}`, { email_address: uniqueEmail() }), signUpSchema)
      expect(response.verifications?.email_address?.next_action).toBe('needs_prepare')
    })

    it('records legal acceptance', async () => {
      const server = createTestServer(ctx.db, { signUp: { legalConsent: true } })
      const browser = server.browser()
      const created = expectEnvelope(await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail() }), signUpSchema)
      expect(created.response.missing_fields).toContain('legal_accepted')
      const { response } = expectEnvelope(await browser.patch(`/v1/client/sign_ups/${created.response.id}`, { legal_accepted: true }), signUpSchema)
      expect(response.legal_accepted_at).toBe(server.clock())
      expect(response.missing_fields).not.toContain('legal_accepted')
    })

    it('reads a sign-up back', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      const id = (await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail() })).body.response.id
      expect(expectEnvelope(await browser.get(`/v1/client/sign_ups/${id}`), signUpSchema).response.id).toBe(id)
    })

    it('hides another browser\'s sign-up (404)', async () => {
      const server = createTestServer(ctx.db)
      const id = (await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail() })).body.response.id
      expectError(await server.browser().get(`/v1/client/sign_ups/${id}`), 404, 'resource_not_found')
      expectError(await server.browser().patch(`/v1/client/sign_ups/${id}`, { first_name: 'Eve' }), 404, 'resource_not_found')
    })

    it('refuses changes to a completed sign-up', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      await signUp(server, browser, uniqueEmail())
      const id = (await browser.get('/v1/client')).body.response.sign_up.id
      expectError(await browser.patch(`/v1/client/sign_ups/${id}`, { first_name: 'Late' }), 400, 'client_state_invalid')
    })
  })

  describe('races', () => {
    it('creates exactly one user when eight browsers sign up with one email at once', async () => {
      const server = createTestServer(ctx.db)
      const email = uniqueEmail('race')
      const browsers = Array.from({ length: 8 }, () => server.browser())
      const ids: string[] = []
      const codes: string[] = []
      for (const browser of browsers) {
        const res = await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })
        ids.push(res.body.response.id)
        await browser.post(`/v1/client/sign_ups/${res.body.response.id}/prepare_verification`, { strategy: 'email_code' })
        codes.push(await server.latestCode(email))
        // one ms apart, so "latest code" is this browser's
        server.clock.advance(1)
      }
      // each browser holds its own code; all attempts race
      const results = await Promise.all(browsers.map((browser, i) =>
        browser.post(`/v1/client/sign_ups/${ids[i]}/attempt_verification`, { strategy: 'email_code', code: codes[i]! })))
      const statuses = results.map(res => res.status)
      expect(statuses.filter(status => status >= 500)).toEqual([])
      expect(results.filter(res => res.status === 200)).toHaveLength(1)
      for (const res of results.filter(res => res.status !== 200))
        expectError(res, 422, 'form_identifier_exists', 'email_address')
      const users = await ctx.db.kysely.selectFrom('email_addresses').select('user_id').where('email_normalized', '=', email).execute()
      expect(users).toHaveLength(1)
    })
  })
})
