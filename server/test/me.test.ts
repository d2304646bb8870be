import { describe, expect, it } from 'vitest'
import { deletedObjectSchema, userSchema } from '../src/contract'
import { describeEachDb } from './helpers/dbSuites'
import { signInWithPassword, signUp } from './helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from './helpers/testServer'
import { expectEnvelope, expectError } from './helpers/wire'

describeEachDb('current user', (ctx) => {
  async function signedIn(config = {}) {
    const server = createTestServer(ctx.db, config)
    const browser = server.browser()
    const account = await signUp(server, browser, uniqueEmail())
    return { server, browser, account }
  }

  describe('gET|PATCH|DELETE /v1/me', () => {
    it('reads the user with the client piggybacked', async () => {
      const { browser, account } = await signedIn()
      const { response, client } = expectEnvelope(await browser.get('/v1/me', { _clerk_session_id: account.sessionId }), userSchema)
      expect(response).toMatchObject({ id: account.userId, primary_email_address_id: expect.stringMatching(/^idn_/), password_enabled: true })
      expect(client?.sessions[0]?.id).toBe(account.sessionId)
    })

    it('answers 401 authentication_invalid without a session', async () => {
      const server = createTestServer(ctx.db)
      expectError(await server.browser().get('/v1/me'), 401, 'authentication_invalid')
      const { browser } = await signedIn()
      expectError(await browser.get('/v1/me', { _clerk_session_id: 'sess_not_mine' }), 401, 'authentication_invalid')
    })

    it('acts for the session _clerk_session_id names in multi-session mode', async () => {
      const { server, browser, account } = await signedIn({ sessionMode: 'multi' })
      const otherEmail = uniqueEmail()
      const other = await signUp(server, server.browser(), otherEmail)
      const second = await signInWithPassword(browser, otherEmail)
      expect(expectEnvelope(await browser.get('/v1/me', { _clerk_session_id: account.sessionId }), userSchema).response.id).toBe(account.userId)
      expect(expectEnvelope(await browser.get('/v1/me', { _clerk_session_id: second }), userSchema).response.id).toBe(other.userId)
      // without the parameter: the last active session
      expect(expectEnvelope(await browser.get('/v1/me'), userSchema).response.id).toBe(other.userId)
    })

    it('updates names and username', async () => {
      const { browser } = await signedIn({ signUp: { firstName: 'optional', lastName: 'optional', username: 'optional' } })
      const username = `ada_${Math.random().toString(36).slice(2, 8)}`
      const { response, client } = expectEnvelope(await browser.patch('/v1/me', { first_name: ' Ada ', last_name: 'Lovelace', username }), userSchema)
      expect(response).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', username })
      expect(client?.sessions[0]?.user.first_name).toBe('Ada')
      expect(client?.sessions[0]?.public_user_data.first_name).toBe('Ada')
    })

    it.each([
      ['a short username', { username: 'ab' }, 'form_username_invalid_length'],
      ['a username with spaces', { username: 'ada lovelace' }, 'form_username_invalid_character'],
      ['a numeric username', { username: '123456' }, 'form_username_needs_non_number_char'],
      ['an unknown primary email', { primary_email_address_id: 'idn_nope' }, 'form_param_value_invalid'],
    ])('refuses %s with 422', async (_name, form, code) => {
      const { browser } = await signedIn({ signUp: { username: 'optional' } })
      expectError(await browser.patch('/v1/me', form), 422, code)
    })

    it('refuses a username someone else holds', async () => {
      const { server, browser } = await signedIn({ signUp: { username: 'optional' } })
      const taken = `taken_${Math.random().toString(36).slice(2, 8)}`
      await signUp(server, server.browser(), uniqueEmail(), GOOD_PASSWORD, { username: taken })
      expectError(await browser.patch('/v1/me', { username: taken.toUpperCase() }), 422, 'form_identifier_exists', 'username')
    })

    it('cannot touch public or private metadata', async () => {
      const { browser } = await signedIn()
      const { response } = expectEnvelope(await browser.patch('/v1/me', { public_metadata: '{"role":"admin"}', private_metadata: '{"x":1}' }), userSchema)
      expect(response.public_metadata).toEqual({})
    })

    it('deletes the account: sessions end, the email is free again', async () => {
      const { server, browser, account } = await signedIn()
      const res = await browser.delete('/v1/me')
      expect(res.status).toBe(200)
      expect(deletedObjectSchema.parse(res.body.response)).toEqual({ object: 'user', id: account.userId, deleted: true })
      expect(res.body.client.sessions).toEqual([])
      expectError(await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`), 401, 'signed_out')
      await signUp(server, server.browser(), account.email)
    })

    it('refuses self-deletion when the configuration forbids it', async () => {
      const { browser } = await signedIn({ allowDeleteSelf: false })
      expectError(await browser.delete('/v1/me'), 403, 'user_delete_self_not_enabled')
    })
  })

  describe('pATCH /v1/me/metadata', () => {
    it('applies unsafe_metadata as a JSON merge patch', async () => {
      const { browser } = await signedIn()
      await browser.patch('/v1/me/metadata', { unsafe_metadata: '{"theme":"dark","prefs":{"a":1,"b":2},"drop":true}' })
      const { response } = expectEnvelope(await browser.patch('/v1/me/metadata', { unsafe_metadata: '{"prefs":{"b":null,"c":3},"drop":null,"list":[1,2]}' }), userSchema)
      expect(response.unsafe_metadata).toEqual({ theme: 'dark', prefs: { a: 1, c: 3 }, list: [1, 2] })
    })

    it('needs unsafe_metadata and refuses non-objects', async () => {
      const { browser } = await signedIn()
      expectError(await browser.patch('/v1/me/metadata', {}), 422, 'form_param_missing', 'unsafe_metadata')
      expectError(await browser.patch('/v1/me/metadata', { unsafe_metadata: '[1,2]' }), 422, 'form_param_format_invalid', 'unsafe_metadata')
    })

    it('caps metadata at 8 KiB', async () => {
      const { browser } = await signedIn()
      expectError(await browser.patch('/v1/me/metadata', { unsafe_metadata: JSON.stringify({ big: 'x'.repeat(9000) }) }), 422, 'form_param_max_length_exceeded')
    })
  })

  describe('passwords', () => {
    it('changes the password with the current one and can end the other sessions', async () => {
      const { server, browser, account } = await signedIn()
      const elsewhere = server.browser()
      const other = await signInWithPassword(elsewhere, account.email)
      const { response } = expectEnvelope(await browser.post('/v1/me/change_password', { current_password: GOOD_PASSWORD, new_password: 'another-long-passphrase-3', sign_out_of_other_sessions: true }), userSchema)
      expect(response.password_enabled).toBe(true)
      expectError(await elsewhere.post(`/v1/client/sessions/${other}/tokens`), 401, 'signed_out')
      expect((await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`)).status).toBe(200)
      await browser.delete('/v1/client/sessions')
      expect(await signInWithPassword(browser, account.email, 'another-long-passphrase-3')).toMatch(/^sess_/)
    })

    it.each([
      ['a wrong current password', { current_password: 'wrong-password-99', new_password: 'another-long-passphrase-3' }, 'form_password_incorrect', 'current_password'],
      ['no current password', { new_password: 'another-long-passphrase-3' }, 'form_param_missing', 'current_password'],
      ['a common new password', { current_password: GOOD_PASSWORD, new_password: 'iloveyou' }, 'form_password_pwned', 'new_password'],
      ['the same password again', { current_password: GOOD_PASSWORD, new_password: GOOD_PASSWORD }, 'form_new_password_matches_current', 'new_password'],
      ['no new password', { current_password: GOOD_PASSWORD }, 'form_param_missing', 'new_password'],
    ])('refuses %s with 422', async (_name, form, code, param) => {
      const { browser } = await signedIn()
      expectError(await browser.post('/v1/me/change_password', form), 422, code, param)
    })

    it('removes the password when passwords are optional', async () => {
      const { browser } = await signedIn({ signUp: { password: 'optional' } })
      const { response } = expectEnvelope(await browser.post('/v1/me/remove_password', { current_password: GOOD_PASSWORD }), userSchema)
      expect(response.password_enabled).toBe(false)
    })

    it('keeps the password when passwords are required', async () => {
      const { browser } = await signedIn()
      expectError(await browser.post('/v1/me/remove_password', { current_password: GOOD_PASSWORD }), 403, 'resource_forbidden')
    })
  })
})
