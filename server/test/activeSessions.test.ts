import { expect, it } from 'vitest'
import * as z from 'zod/mini'
import { sessionSchema, sessionWithActivitiesSchema } from '../src/contract'
import { describeEachDb } from './helpers/dbSuites'
import { signInWithPassword, signUp } from './helpers/flows'
import { createTestServer, uniqueEmail } from './helpers/testServer'
import { expectEnvelope, expectError } from './helpers/wire'

const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0'
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

describeEachDb('active sessions', (ctx) => {
  it('lists the user\'s sessions on every device, bare, with browser, device and IP', async () => {
    const server = createTestServer(ctx.db, { trustProxy: true })
    const laptop = server.browser({ headers: { 'user-agent': CHROME_MAC, 'x-forwarded-for': '203.0.113.7' } })
    const account = await signUp(server, laptop, uniqueEmail())
    server.clock.advance(1000)
    const phone = server.browser({ headers: { 'user-agent': FIREFOX_ANDROID, 'x-forwarded-for': '198.51.100.2, 10.0.0.1' } })
    const phoneSession = await signInWithPassword(phone, account.email)
    const res = await laptop.get('/v1/me/sessions/active')
    expect(res.status).toBe(200)
    const list = z.array(sessionWithActivitiesSchema).parse(res.body)
    expect(list.map(session => session.id)).toEqual([phoneSession, account.sessionId])
    expect(list[0]).toMatchObject({ user: null, latest_activity: { browser_name: 'Firefox', browser_version: '128.0', device_type: 'Mobile', is_mobile: true, ip_address: '198.51.100.2' } })
    expect(list[1]?.latest_activity).toMatchObject({ browser_name: 'Chrome', device_type: 'Macintosh', is_mobile: false, ip_address: '203.0.113.7' })
  })

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser({ headers: { 'x-forwarded-for': '203.0.113.7' } })
    await signUp(server, browser, uniqueEmail())
    expect((await browser.get('/v1/me/sessions/active')).body[0].latest_activity.ip_address).toBeNull()
  })

  it('revokes one of the user\'s sessions', async () => {
    const server = createTestServer(ctx.db)
    const laptop = server.browser()
    const account = await signUp(server, laptop, uniqueEmail())
    const phone = server.browser()
    const phoneSession = await signInWithPassword(phone, account.email)
    const { response } = expectEnvelope(await laptop.post(`/v1/me/sessions/${phoneSession}/revoke`), sessionSchema)
    expect(response.status).toBe('revoked')
    expectError(await phone.post(`/v1/client/sessions/${phoneSession}/tokens`), 401, 'signed_out')
    expect((await laptop.get('/v1/me/sessions/active')).body.map((session: { id: string }) => session.id)).toEqual([account.sessionId])
  })

  it('cannot revoke another user\'s session (404, nothing changes)', async () => {
    const server = createTestServer(ctx.db)
    const mine = server.browser()
    await signUp(server, mine, uniqueEmail())
    const theirs = server.browser()
    const other = await signUp(server, theirs, uniqueEmail())
    expectError(await mine.post(`/v1/me/sessions/${other.sessionId}/revoke`), 404, 'resource_not_found')
    expect((await theirs.post(`/v1/client/sessions/${other.sessionId}/tokens`)).status).toBe(200)
  })
})
