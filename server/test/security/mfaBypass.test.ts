import type { TestBrowser, TestResponse } from '../helpers/testBrowser'
import type { TestServer } from '../helpers/testServer'
import { expect, it } from 'vitest'
import { signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { addVerifiedPhone, enrollTotp, totpCode, uniquePhone } from '../helpers/secondFactorFlows'
import { createTestServer, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope } from '../helpers/wire'

const CONFIG = { phoneNumbers: { enabled: true, signIn: true } }
const NEW_PASSWORD = 'reset-without-the-phone-2026'

type SecondFactor = 'totp' | 'phone_code'

/** A user with one second factor (an authenticator app or an SMS number), signed out everywhere, plus a phone they sign in with. */
async function mfaUser(server: TestServer, factor: SecondFactor) {
  const owner = server.browser()
  const account = await signUp(server, owner, uniqueEmail('mfa'))
  const phone = uniquePhone()
  const phoneId = await addVerifiedPhone(server, owner, phone)
  const totp = factor === 'totp' ? await enrollTotp(server, owner) : undefined
  if (factor === 'phone_code')
    expect((await owner.patch(`/v1/me/phone_numbers/${phoneId}`, { reserved_for_second_factor: true })).status).toBe(200)
  await owner.delete('/v1/client/sessions')
  return { account, phone, totp }
}

/** Resets the password through `strategy` and answers the reset_password response. */
async function reset(server: TestServer, browser: TestBrowser, identifier: string, inbox: string, strategy: 'reset_password_email_code' | 'reset_password_phone_code', extra: Record<string, string> = {}): Promise<{ id: string, res: TestResponse }> {
  const signIn = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier }), signInSchema).response
  const factor = signIn.supported_first_factors!.find(f => f.strategy === strategy)!
  await browser.post(`/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy, ...(factor.email_address_id ? { email_address_id: factor.email_address_id } : { phone_number_id: factor.phone_number_id! }) })
  expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy, code: await server.latestCode(inbox) }), signInSchema).response.status).toBe('needs_new_password')
  return { id: signIn.id, res: await browser.post(`/v1/client/sign_ins/${signIn.id}/reset_password`, { password: NEW_PASSWORD, ...extra }) }
}

/** What a reset answered before the second factor: no session, no token, no new cookie, and nothing usable from another browser. */
async function expectNoBypass(server: TestServer, browser: TestBrowser, res: TestResponse, userId: string): Promise<void> {
  const { response, client } = expectEnvelope(res, signInSchema)
  expect(response).toMatchObject({ status: 'needs_second_factor', created_session_id: null })
  expect(client?.sessions ?? []).toEqual([])
  expect(res.headers.getSetCookie()).toEqual([])
  expect(JSON.stringify(res.body)).not.toMatch(/eyJ[\w-]+\.eyJ/)
  const thief = server.browser()
  thief.cookies.set('__client', browser.cookies.get('__client')!)
  expect((await thief.get('/v1/client')).body.response.sessions).toEqual([])
  expect((await thief.get('/v1/me')).status).toBe(401)
  const active = await server.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', userId).where('status', '=', 'active').execute()
  expect(active).toEqual([])
}

describeEachDb('security: MFA bypass through password reset (security.md #56)', (ctx) => {
  it.each([
    ['an authenticator app', 'totp', 'reset_password_phone_code'],
    ['an authenticator app', 'totp', 'reset_password_email_code'],
    ['an SMS number', 'phone_code', 'reset_password_email_code'],
    ['an SMS number', 'phone_code', 'reset_password_phone_code'],
  ] as const)('asks a user with %s (%s) for it after a %s reset, also when other sessions are signed out', async (_name, factor, strategy) => {
    const server = createTestServer(ctx.db, CONFIG)
    const { account, phone, totp } = await mfaUser(server, factor)
    const browser = server.browser()
    const identifier = strategy === 'reset_password_phone_code' ? phone : account.email
    const { id, res } = await reset(server, browser, identifier, strategy === 'reset_password_phone_code' ? phone : account.email, strategy, { sign_out_of_other_sessions: 'true' })
    await expectNoBypass(server, browser, res, account.userId)

    // the new password alone gets no further either
    const fresh = server.browser()
    expect((await fresh.post('/v1/client/sign_ins', { identifier: account.email, password: NEW_PASSWORD })).body.response.status).toBe('needs_second_factor')

    // the second factor still completes the reset's sign-in
    let code: string
    if (factor === 'totp') {
      code = totpCode(totp!.secret, server.clock())
    }
    else {
      await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' })
      code = await server.latestCode(phone)
    }
    expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: factor, code }), signInSchema).response.status).toBe('complete')
  })
})
