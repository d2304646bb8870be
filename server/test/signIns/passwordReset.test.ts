import { describe, expect, it } from 'vitest'
import { signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signedOutAccount, signInWithPassword } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

describeEachDb('sign-ins: password reset and cookie rotation', (ctx) => {
  /** A server with one registered user, signed out, and a fresh browser. */
  async function registered(config = {}) {
    const server = createTestServer(ctx.db, config)
    const email = uniqueEmail()
    const account = await signedOutAccount(server, email)
    return { server, email, account, browser: server.browser() }
  }

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
