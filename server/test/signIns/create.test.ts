import { describe, expect, it } from 'vitest'
import { signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signedOutAccount, signInWithPassword, signUp } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

describeEachDb('sign-ins: create', (ctx) => {
  /** A server with one registered user, signed out, and a fresh browser. */
  async function registered(config = {}) {
    const server = createTestServer(ctx.db, config)
    const email = uniqueEmail()
    const account = await signedOutAccount(server, email)
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
})
