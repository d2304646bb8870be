import { describe, expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { signedOutAccount, signInWithPassword } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectError } from '../helpers/wire'

describeEachDb('sign-ins: lockout', (ctx) => {
  /** A server with one registered user, signed out, and a fresh browser. */
  async function registered(config = {}) {
    const server = createTestServer(ctx.db, config)
    const email = uniqueEmail()
    const account = await signedOutAccount(server, email)
    return { server, email, account, browser: server.browser() }
  }

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
})
