import type { TestBrowser } from '../helpers/testBrowser'
import type { TestServer } from '../helpers/testServer'
import { decodeJwt } from 'jose'
import { expect, it } from 'vitest'
import { signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signInWithPassword, signUp } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope } from '../helpers/wire'

/** A device of one account: its browser (cookie jar), its session and the token it last received. */
interface Device {
  browser: TestBrowser
  sessionId: string
  jwt: string
}

async function tokenFor(browser: TestBrowser, sessionId: string): Promise<string> {
  const res = await browser.post(`/v1/client/sessions/${sessionId}/tokens`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.jwt
}

/** One account signed in on two devices (multi-session off: one session per browser). */
async function twoDevices(server: TestServer) {
  const laptopBrowser = server.browser()
  const account = await signUp(server, laptopBrowser, uniqueEmail('revoked'))
  const phoneBrowser = server.browser()
  const phoneSession = await signInWithPassword(phoneBrowser, account.email)
  const laptop: Device = { browser: laptopBrowser, sessionId: account.sessionId, jwt: await tokenFor(laptopBrowser, account.sessionId) }
  const phone: Device = { browser: phoneBrowser, sessionId: phoneSession, jwt: await tokenFor(phoneBrowser, phoneSession) }
  return { account, laptop, phone }
}

/**
 * Everything a device holding an ended session might still try: a token, the user, the session itself,
 * re-activation. Each must be refused at once (the database path: 0 s of staleness).
 */
async function expectUnusable(device: Device): Promise<void> {
  const query = { _clerk_session_id: device.sessionId }
  const token = await device.browser.post(`/v1/client/sessions/${device.sessionId}/tokens`)
  expect(token.status, 'token').toBe(401)
  expect(token.body.errors[0].code).toMatch(/^(signed_out|authentication_invalid)$/)
  expect((await device.browser.get('/v1/me', query)).status, '/me').toBe(401)
  expect((await device.browser.patch('/v1/me', { username: 'taken_over' }, query)).status, 'PATCH /me').toBe(401)
  expect((await device.browser.post(`/v1/client/sessions/${device.sessionId}/touch`)).status, 'touch').toBeGreaterThanOrEqual(400)
  expect((await device.browser.get('/v1/me/sessions/active', query)).status, 'active sessions').toBe(401)
  const client = (await device.browser.get('/v1/client')).body
  expect(client.response?.sessions?.map((session: { id: string }) => session.id) ?? []).not.toContain(device.sessionId)
}

/** How long a verifier that checks only the JWT may still accept a token minted before `revokedAt` (seconds). */
function staleness(jwt: string, revokedAt: number): number {
  return decodeJwt(jwt).exp! - Math.floor(revokedAt / 1000) + 5
}

describeEachDb('security: sessions after sign-out, reset and deletion (security.md #27)', (ctx) => {
  it('ends the session on sign-out: the cookie gets nothing at once, a minted JWT lives 65 s at most', async () => {
    const server = createTestServer(ctx.db)
    const { laptop, phone } = await twoDevices(server)
    expect((await phone.browser.delete('/v1/client/sessions')).status).toBe(200)
    await expectUnusable(phone)
    expect(staleness(phone.jwt, server.clock())).toBeLessThanOrEqual(65)
    // the other device is untouched
    expect((await laptop.browser.get('/v1/me')).status).toBe(200)
  })

  it('ends a session ended or removed on its own, and one revoked from another device', async () => {
    const server = createTestServer(ctx.db)
    const { laptop, phone } = await twoDevices(server)
    expect((await phone.browser.post(`/v1/client/sessions/${phone.sessionId}/end`)).status).toBe(200)
    await expectUnusable(phone)

    const tablet = server.browser()
    const tabletSession: Device = { browser: tablet, sessionId: await signInWithPassword(tablet, (await laptop.browser.get('/v1/me')).body.response.email_addresses[0].email_address), jwt: '' }
    expect((await tablet.post(`/v1/client/sessions/${tabletSession.sessionId}/remove`)).status).toBe(200)
    await expectUnusable(tabletSession)

    const desk = server.browser()
    const deskSession: Device = { browser: desk, sessionId: await signInWithPassword(desk, (await laptop.browser.get('/v1/me')).body.response.email_addresses[0].email_address), jwt: '' }
    expect((await laptop.browser.post(`/v1/me/sessions/${deskSession.sessionId}/revoke`)).status).toBe(200)
    await expectUnusable(deskSession)
    expect((await laptop.browser.get('/v1/me')).status).toBe(200)
  })

  it('ends the other sessions on a password reset or change that asks for it', async () => {
    const server = createTestServer(ctx.db)
    const { account, laptop, phone } = await twoDevices(server)
    const thief = server.browser()
    const id = (await thief.post('/v1/client/sign_ins', { identifier: account.email })).body.response.id
    const factor = (await thief.get(`/v1/client/sign_ins/${id}`)).body.response.supported_first_factors.find((f: { strategy: string }) => f.strategy === 'reset_password_email_code')
    await thief.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'reset_password_email_code', email_address_id: factor.email_address_id })
    await thief.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code: await server.latestCode(account.email) })
    const reset = expectEnvelope(await thief.post(`/v1/client/sign_ins/${id}/reset_password`, { password: 'reset-by-the-owner-2026', sign_out_of_other_sessions: true }), signInSchema).response
    expect(reset.status).toBe('complete')
    await expectUnusable(laptop)
    await expectUnusable(phone)

    const owner: Device = { browser: thief, sessionId: reset.created_session_id!, jwt: '' }
    const other = server.browser()
    const otherDevice: Device = { browser: other, sessionId: await signInWithPassword(other, account.email, 'reset-by-the-owner-2026'), jwt: '' }
    expect((await owner.browser.post('/v1/me/change_password', { current_password: 'reset-by-the-owner-2026', new_password: GOOD_PASSWORD, sign_out_of_other_sessions: true })).status).toBe(200)
    await expectUnusable(otherDevice)
    expect((await owner.browser.get('/v1/me')).status).toBe(200)
  })

  it('ends every session of a deleted account, on every device', async () => {
    const server = createTestServer(ctx.db)
    const { account, laptop, phone } = await twoDevices(server)
    expect((await laptop.browser.delete('/v1/me')).status).toBe(200)
    await expectUnusable(laptop)
    await expectUnusable(phone)
    expect(await server.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', account.userId).where('status', '=', 'active').execute()).toEqual([])
  })
})
