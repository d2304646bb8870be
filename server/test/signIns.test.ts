import { describe, expect, it } from 'vitest'
import { signInSchema } from '../src/contract'
import { describeEachDb } from './helpers/dbSuites'
import { signInWithPassword, signUp } from './helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from './helpers/testServer'
import { expectEnvelope, expectError } from './helpers/wire'

describeEachDb('sign-ins', (ctx) => {
  /** A server with one registered user, signed out, and a fresh browser. */
  async function registered(config = {}) {
    const server = createTestServer(ctx.db, config)
    const email = uniqueEmail()
    const owner = server.browser()
    const account = await signUp(server, owner, email)
    await owner.delete('/v1/client/sessions')
    return { server, email, account, browser: server.browser() }
  }

  describe('create', () => {
    it('completes with identifier and password in one call', async () => {
      const { email, account, browser } = await registered()
      const { response, client } = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD, locale: 'en-US' }), signInSchema)
      expect(response).toMatchObject({ object: 'sign_in_attempt', status: 'complete', identifier: email })
      expect(client?.sessions.map(session => session.user.id)).toEqual([account.userId])
      expect(client?.last_active_session_id).toBe(response.created_session_id)
      expect(client?.last_authentication_strategy).toBe('password')
    })

    it('matches the email case-insensitively', async () => {
      const { email, browser } = await registered()
      expect(await signInWithPassword(browser, email.toUpperCase())).toMatch(/^sess_/)
    })

    it('waits for a first factor when only the identifier is sent, listing masked factors', async () => {
      const { email, browser } = await registered()
      const { response } = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email }), signInSchema)
      expect(response.status).toBe('needs_first_factor')
      const masked = `${email[0]}***@example.com`
      expect(response.supported_first_factors).toEqual([
        { strategy: 'password' },
        expect.objectContaining({ strategy: 'email_code', safe_identifier: masked, primary: true }),
        expect.objectContaining({ strategy: 'reset_password_email_code', safe_identifier: masked, primary: true }),
      ])
      expect(JSON.stringify(response.supported_first_factors)).not.toContain(email)
    })

    it('starts without an identifier in needs_identifier', async () => {
      const { browser } = await registered()
      expect(expectEnvelope(await browser.post('/v1/client/sign_ins', {}), signInSchema).response.status).toBe('needs_identifier')
    })

    it('answers an unknown identifier with form_identifier_not_found', async () => {
      const { browser } = await registered()
      expectError(await browser.post('/v1/client/sign_ins', { identifier: uniqueEmail('nobody') }), 422, 'form_identifier_not_found', 'identifier')
      expectError(await browser.post('/v1/client/sign_ins', { identifier: uniqueEmail('nobody'), password: GOOD_PASSWORD }), 422, 'form_identifier_not_found', 'identifier')
    })

    it('answers a wrong password with form_password_incorrect and creates no session', async () => {
      const { email, browser } = await registered()
      expectError(await browser.post('/v1/client/sign_ins', { identifier: email, password: 'not-the-password-1' }), 422, 'form_password_incorrect', 'password')
      expect((await browser.get('/v1/client')).body.response.sessions).toEqual([])
    })

    it('needs the identifier when a password is sent', async () => {
      const { browser } = await registered()
      expectError(await browser.post('/v1/client/sign_ins', { password: GOOD_PASSWORD }), 422, 'form_param_missing', 'identifier')
    })

    it('refuses unsupported strategies', async () => {
      const { browser, email } = await registered()
      expectError(await browser.post('/v1/client/sign_ins', { identifier: email, strategy: 'oauth_github' }), 422, 'form_param_value_invalid', 'strategy')
    })

    it('signs in by username when usernames are on', async () => {
      const server = createTestServer(ctx.db, { signUp: { username: 'optional' } })
      const name = `grace${Math.random().toString(36).slice(2, 8)}`
      const owner = server.browser()
      await signUp(server, owner, uniqueEmail(), GOOD_PASSWORD, { username: name })
      await owner.delete('/v1/client/sessions')
      expect(await signInWithPassword(server.browser(), name.toUpperCase())).toMatch(/^sess_/)
    })

    it('answers session_exists in single-session mode', async () => {
      const { server, email } = await registered()
      const browser = server.browser()
      await signInWithPassword(browser, email)
      expectError(await browser.post('/v1/client/sign_ins', { identifier: email }), 400, 'session_exists')
    })

    it('adds a second account in multi-session mode and refuses one already signed in', async () => {
      const server = createTestServer(ctx.db, { sessionMode: 'multi' })
      const browser = server.browser()
      const first = await signUp(server, browser, uniqueEmail())
      const secondEmail = uniqueEmail()
      const other = server.browser()
      await signUp(server, other, secondEmail)
      server.clock.advance(1000)
      const second = await signInWithPassword(browser, secondEmail)
      const client = (await browser.get('/v1/client')).body.response
      expect(client.sessions.map((session: { id: string }) => session.id)).toEqual([first.sessionId, second])
      expect(client.last_active_session_id).toBe(second)
      const again = await browser.post('/v1/client/sign_ins', { identifier: first.email })
      expectError(again, 400, 'identifier_already_signed_in')
      expect(again.body.errors[0].meta.session_id).toBe(first.sessionId)
    })
  })

  describe('first factors', () => {
    it('completes with the password strategy', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expect((await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'password' })).status).toBe(200)
      const { response } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: GOOD_PASSWORD }), signInSchema)
      expect(response.status).toBe('complete')
    })

    it('completes with an email code', async () => {
      const { server, email, browser } = await registered()
      const created = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email }), signInSchema).response
      const factor = created.supported_first_factors!.find(f => f.strategy === 'email_code')!
      const prepared = expectEnvelope(await browser.post(`/v1/client/sign_ins/${created.id}/prepare_first_factor`, { strategy: 'email_code', email_address_id: factor.email_address_id! }), signInSchema).response
      expect(prepared.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'email_code', expire_at: server.clock() + 600_000 })
      const { response, client } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${created.id}/attempt_first_factor`, { strategy: 'email_code', code: await server.latestCode(email) }), signInSchema)
      expect(response.status).toBe('complete')
      expect(client?.last_authentication_strategy).toBe('email_code')
    })

    it('refuses a code attempt for a strategy that was not prepared', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code: '123456' }), 400, 'verification_not_sent')
    })

    it('refuses an email address id that is not the user\'s', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'email_code', email_address_id: 'idn_other' }), 422, 'form_param_value_invalid', 'email_address_id')
    })

    it('refuses unknown strategies and missing parameters', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'phone_code' }), 400, 'strategy_for_user_invalid')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, {}), 422, 'form_param_missing', 'strategy')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password' }), 422, 'form_param_missing', 'password')
    })

    it('refuses a first factor on a completed sign-in', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: GOOD_PASSWORD }), 400, 'client_state_invalid')
    })

    it('answers second-factor routes with a clear error', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' }), 400, 'no_second_factors')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: '123456' }), 400, 'no_second_factors')
    })

    it('reads a sign-in back and hides it from other browsers', async () => {
      const { server, email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expect(expectEnvelope(await browser.get(`/v1/client/sign_ins/${id}`), signInSchema).response.id).toBe(id)
      expectError(await server.browser().get(`/v1/client/sign_ins/${id}`), 404, 'resource_not_found')
    })
  })

  describe('lockout', () => {
    it('locks the account for an hour after 10 failed passwords, refusing even the right one', async () => {
      const { server, email, browser } = await registered()
      for (let i = 0; i < 10; i++)
        expectError(await browser.post('/v1/client/sign_ins', { identifier: email, password: `wrong-password-${i}` }), 422, 'form_password_incorrect')
      const locked = await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD })
      expectError(locked, 403, 'user_locked')
      expect(locked.body.errors[0].meta.lockout_expires_in_seconds).toBe(3600)
      server.clock.advance(59 * 60_000)
      expectError(await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD }), 403, 'user_locked')
      server.clock.advance(60_000)
      expect(await signInWithPassword(browser, email)).toMatch(/^sess_/)
    })

    it('resets the count after a success', async () => {
      const { email, browser } = await registered()
      for (let i = 0; i < 9; i++)
        await browser.post('/v1/client/sign_ins', { identifier: email, password: `wrong-password-${i}` })
      await signInWithPassword(browser, email)
      await browser.delete('/v1/client/sessions')
      for (let i = 0; i < 9; i++)
        expectError(await browser.post('/v1/client/sign_ins', { identifier: email, password: `wrong-password-${i}` }), 422, 'form_password_incorrect')
    })

    it('admits no more than the budget under 20 parallel wrong guesses', async () => {
      const { email, server } = await registered()
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
        server.browser().post('/v1/client/sign_ins', { identifier: email, password: `parallel-wrong-${i}` })))
      const codes = results.map(res => res.body.errors[0].code)
      expect(codes.filter(code => code === 'form_password_incorrect')).toHaveLength(10)
      expect(codes.filter(code => code === 'user_locked')).toHaveLength(10)
    })

    it('also refuses email-code sign-ins while locked', async () => {
      const { email, browser, server } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      for (let i = 0; i < 10; i++)
        await server.browser().post('/v1/client/sign_ins', { identifier: email, password: `wrong-password-${i}` })
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code }), 403, 'user_locked')
    })
  })

  describe('password reset', () => {
    async function resetCode(server: Awaited<ReturnType<typeof registered>>['server'], browser: Awaited<ReturnType<typeof registered>>['browser'], email: string) {
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'reset_password_email_code' })
      const { response } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code: await server.latestCode(email) }), signInSchema)
      expect(response.status).toBe('needs_new_password')
      return id as string
    }

    it('sets a new password, signs in, and can sign out every other session', async () => {
      const { server, email, browser } = await registered()
      const elsewhere = server.browser()
      const otherSession = await signInWithPassword(elsewhere, email)
      const id = await resetCode(server, browser, email)
      const { response } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: 'a-brand-new-passphrase-7', sign_out_of_other_sessions: true }), signInSchema)
      expect(response.status).toBe('complete')
      expectError(await elsewhere.post(`/v1/client/sessions/${otherSession}/tokens`), 401, 'signed_out')
      expect((await elsewhere.get('/v1/client')).body.response.sessions).toEqual([])
      await browser.delete('/v1/client/sessions')
      expectError(await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD }), 422, 'form_password_incorrect')
      expect(await signInWithPassword(browser, email, 'a-brand-new-passphrase-7')).toMatch(/^sess_/)
    })

    it('keeps other sessions when not asked to sign them out', async () => {
      const { server, email, browser } = await registered()
      const elsewhere = server.browser()
      const otherSession = await signInWithPassword(elsewhere, email)
      const id = await resetCode(server, browser, email)
      await browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: 'a-brand-new-passphrase-7' })
      expect((await elsewhere.post(`/v1/client/sessions/${otherSession}/tokens`)).status).toBe(200)
    })

    it('applies the password rules', async () => {
      const { server, email, browser } = await registered()
      const id = await resetCode(server, browser, email)
      expectError(await browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: 'qwerty123' }), 422, 'form_password_pwned', 'password')
    })

    it('refuses reset_password before a reset code was verified', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: 'a-brand-new-passphrase-7' }), 400, 'client_state_invalid')
    })

    it('unlocks a locked account', async () => {
      const { server, email, browser } = await registered()
      for (let i = 0; i < 10; i++)
        await server.browser().post('/v1/client/sign_ins', { identifier: email, password: `wrong-password-${i}` })
      const id = await resetCode(server, browser, email)
      expect((await browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: 'a-brand-new-passphrase-7' })).status).toBe(200)
    })
  })

  it('rotates the client cookie secret when a session starts, so a planted cookie gets nothing (fixation)', async () => {
    const { server, email, browser } = await registered()
    await browser.post('/v1/client/sign_ins', { identifier: email })
    const planted = browser.cookies.get('__client')!
    const attacker = server.browser()
    attacker.cookies.set('__client', planted)
    await browser.delete('/v1/client/sessions')
    await signInWithPassword(browser, email)
    const rotated = browser.cookies.get('__client')!
    expect(rotated).not.toBe(planted)
    expect(rotated.split('.')[0]).toBe(planted.split('.')[0])
    expect((await attacker.get('/v1/client')).body).toEqual({ response: null, client: null })
    expect((await browser.get('/v1/client')).body.response.sessions).toHaveLength(1)
  })
})
