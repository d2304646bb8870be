import type { TestBrowser } from '../helpers/testBrowser'
import type { TestServer } from '../helpers/testServer'
import { randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { signInWithPassword, signUp } from '../helpers/flows'
import { enrollTotp, totpCode } from '../helpers/secondFactorFlows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { createOrganization, latestMail, person } from '../organizations/orgFixtures'

/** A `__client` cookie the attacker holds: a real client with no session yet (started by a sign-in attempt). */
async function attackerCookie(server: TestServer): Promise<string> {
  const attacker = server.browser()
  await attacker.post('/v1/client/sign_ins', { identifier: uniqueEmail('nobody') })
  const cookie = attacker.cookies.get('__client')
  expect(cookie).toBeDefined()
  return cookie!
}

/** A browser the attacker has planted `cookie` in. */
function plantedBrowser(server: TestServer, cookie: string): TestBrowser {
  const victim = server.browser()
  victim.cookies.set('__client', cookie)
  return victim
}

/** What the attacker gets with the planted cookie after the victim signed in through it: nothing. */
async function expectNothingFor(server: TestServer, planted: string, victim: TestBrowser, sessionId: string): Promise<void> {
  expect(victim.cookies.get('__client')).not.toBe(planted)
  const attacker = plantedBrowser(server, planted)
  expect((await attacker.get('/v1/client')).body).toEqual({ response: null, client: null })
  expect((await attacker.post(`/v1/client/sessions/${sessionId}/tokens`)).status).toBe(401)
  expect((await attacker.get('/v1/me')).status).toBe(401)
  expect((await victim.get('/v1/client')).body.response.sessions.map((session: { id: string }) => session.id)).toContain(sessionId)
}

describeEachDb('security: session fixation (security.md #51)', (ctx) => {
  it('gives a planted cookie nothing once the victim signs up through it', async () => {
    const server = createTestServer(ctx.db)
    const planted = await attackerCookie(server)
    const victim = plantedBrowser(server, planted)
    const account = await signUp(server, victim, uniqueEmail('victim'))
    await expectNothingFor(server, planted, victim, account.sessionId)
  })

  it('gives a planted cookie nothing once the victim passes a second factor through it', async () => {
    const server = createTestServer(ctx.db)
    const owner = server.browser()
    const account = await signUp(server, owner, uniqueEmail('victim'))
    const totp = await enrollTotp(server, owner)
    await owner.delete('/v1/client/sessions')
    const planted = await attackerCookie(server)
    const victim = plantedBrowser(server, planted)
    const signIn = (await victim.post('/v1/client/sign_ins', { identifier: account.email, password: GOOD_PASSWORD })).body.response
    expect(signIn.status).toBe('needs_second_factor')
    // half-way, the cookie has not been rotated yet, but the client holds no session either
    expect(victim.cookies.get('__client')).toBe(planted)
    expect((await plantedBrowser(server, planted).get('/v1/client')).body.response.sessions).toEqual([])
    const done = await victim.post(`/v1/client/sign_ins/${signIn.id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) })
    expect(done.body.response.status).toBe('complete')
    await expectNothingFor(server, planted, victim, done.body.response.created_session_id)
  })

  it('gives a planted cookie nothing once the victim signs up or in with an invitation ticket through it', async () => {
    const server = createTestServer(ctx.db)
    const admin = await person(server, 'admin')
    const org = await createOrganization(admin)
    for (const existing of [false, true]) {
      const email = existing ? (await person(server, 'member')).email : uniqueEmail('newcomer')
      await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email, role: 'org:member' })
      const ticket = /__clerk_ticket=([\w.-]+)/.exec((await latestMail(server, email)).body)![1]!
      const planted = await attackerCookie(server)
      const victim = plantedBrowser(server, planted)
      const res = existing
        ? await victim.post('/v1/client/sign_ins', { strategy: 'ticket', ticket })
        : await victim.post('/v1/client/sign_ups', { strategy: 'ticket', ticket, password: GOOD_PASSWORD })
      expect(res.body.response.status, JSON.stringify(res.body)).toBe('complete')
      await expectNothingFor(server, planted, victim, res.body.response.created_session_id)
    }
  })

  it('ignores a made-up cookie: the victim gets a fresh client, and the made-up value never becomes valid', async () => {
    const server = createTestServer(ctx.db)
    const owner = server.browser()
    const account = await signUp(server, owner, uniqueEmail('victim'))
    await owner.delete('/v1/client/sessions')
    for (const planted of [`client_${randomBytes(12).toString('hex')}.${randomBytes(32).toString('base64url')}`, `${owner.cookies.get('__client')!.split('.')[0]}.${randomBytes(32).toString('base64url')}`]) {
      const victim = plantedBrowser(server, planted)
      const sessionId = await signInWithPassword(victim, account.email)
      await expectNothingFor(server, planted, victim, sessionId)
    }
  })
})
