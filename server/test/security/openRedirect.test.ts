import type { TestResponse } from '../helpers/testBrowser'
import type { TestServer } from '../helpers/testServer'
import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { createOrganization, latestMail, person } from '../organizations/orgFixtures'

const CONFIG = {
  instanceType: 'production' as const,
  devInbox: true,
  publicUrl: 'https://api.example.com',
  allowedOrigins: ['http://localhost:5173', 'https://*.trusted.example'],
}

/** Where the allow-list lets a browser land: the app origins and the API's own. */
function isAllowedDestination(url: URL): boolean {
  return url.origin === 'http://localhost:5173' || url.origin === 'https://api.example.com'
    || /^https:\/\/[a-z0-9-]+\.trusted\.example$/.test(url.origin)
}

/** security.md #47's corpus, around the trusted hosts `localhost:5173` and `*.trusted.example`. */
const PAYLOADS = [
  'https://evil.com',
  '//evil.com',
  '///evil.com',
  '/\\evil.com',
  '\\\\evil.com',
  '\\/evil.com',
  'https:evil.com',
  'https:/evil.com',
  'https://app.trusted.example.evil.com',
  'https://app.trusted.example@evil.com',
  'http://localhost:5173@evil.com',
  'http://localhost:5173\\@evil.com',
  'https://evil.com#@app.trusted.example',
  'https://evil.com/?app.trusted.example',
  'https://evil.com\\app.trusted.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\nscript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '%2F%2Fevil.com',
  '/%2F/evil.com',
  '/%5Cevil.com',
  '/\t/evil.com',
  '/\n/evil.com',
  ' //evil.com',
  'https://app.trusted.example.',
  'https://app.trusted。example',
  'https://app．trusted．example',
  'https://eviltrusted.example',
  'https://trusted.example',
  'https://a.b.trusted.example',
  'http://app.trusted.example',
  'https://app.trusted.example:8443',
  'http://localhost:5174',
  'http://127.0.0.1:5173',
  'https://xn--evl-cla.com',
  'https://evil.com%2F@app.trusted.example',
]

/** A redirect answer is fine if refused, or if the browser would land on an allowed origin. */
function landing(res: TestResponse, requestUrl: string): string | null {
  if (res.status === 400) {
    expect(res.body.errors[0].code).toBe('invalid_redirect_url')
    return null
  }
  expect(res.status).toBe(307)
  const location = res.headers.get('location')!
  return new URL(location, requestUrl).href
}

async function invitationLanding(server: TestServer, res: TestResponse, email: string): Promise<string | null> {
  if (res.status === 400) {
    expect(res.body.errors[0].code).toBe('invalid_redirect_url')
    return null
  }
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  const link = /\S+__clerk_ticket=\S+/.exec((await latestMail(server, email)).body)![0]
  return new URL(link).href
}

describeEachDb('security: open redirects (security.md #47)', (ctx) => {
  it('never sends a browser off the allow-list from GET /v1/client/touch', async () => {
    const server = createTestServer(ctx.db, CONFIG)
    const offList: string[] = []
    for (const payload of PAYLOADS) {
      const requestUrl = 'https://api.example.com/v1/client/touch'
      const res = await server.browser().get('/v1/client/touch', { redirect_url: payload })
      const target = landing(res, requestUrl)
      if (target !== null && !isAllowedDestination(new URL(target)))
        offList.push(`${payload} -> ${target}`)
    }
    expect(offList).toEqual([])
    // the control: an allowed page is followed
    const ok = await server.browser().get('/v1/client/touch', { redirect_url: 'https://app.trusted.example/after' })
    expect(ok.status).toBe(307)
    expect(ok.headers.get('location')).toBe('https://app.trusted.example/after')
  })

  it('follows no polluted redirect_url off the allow-list, whichever copy comes first (#2)', async () => {
    const server = createTestServer(ctx.db, CONFIG)
    for (const order of [['https://app.trusted.example/ok', 'https://evil.com'], ['https://evil.com', 'https://app.trusted.example/ok']]) {
      const query = order.map(value => `redirect_url=${encodeURIComponent(value)}`).join('&')
      const res = await server.app.request(`https://api.example.com/v1/client/touch?${query}`)
      const answer: TestResponse = { status: res.status, headers: res.headers, body: await res.json().catch(() => null) }
      const target = landing(answer, 'https://api.example.com/v1/client/touch')
      if (target !== null)
        expect(isAllowedDestination(new URL(target)), target).toBe(true)
    }
    // in a form body too: the copy that is checked is the copy the email links to
    const admin = await person(server, 'admin')
    const org = await createOrganization(admin)
    for (const order of [['https://app.trusted.example/ok', 'https://evil.com'], ['https://evil.com', 'https://app.trusted.example/ok']]) {
      const email = uniqueEmail('twice')
      const res = await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email, role: 'org:member', redirect_url: order })
      const target = await invitationLanding(server, res, email)
      if (target !== null)
        expect(isAllowedDestination(new URL(target)), target).toBe(true)
    }
  })

  it('never links an invitation email off the allow-list, on the single and the bulk route', async () => {
    const server = createTestServer(ctx.db, CONFIG)
    const admin = await person(server, 'admin')
    const org = await createOrganization(admin)
    const offList: string[] = []
    for (const payload of PAYLOADS) {
      const single = uniqueEmail('single')
      const one = await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: single, role: 'org:member', redirect_url: payload })
      const bulk = uniqueEmail('bulk')
      const many = await admin.browser.post(`/v1/organizations/${org.id}/invitations/bulk`, { email_address: [bulk], role: 'org:member', redirect_url: payload })
      for (const [res, email] of [[one, single], [many, bulk]] as const) {
        const target = await invitationLanding(server, res, email)
        if (target !== null && !isAllowedDestination(new URL(target)))
          offList.push(`${payload} -> ${target}`)
      }
    }
    expect(offList).toEqual([])
    const control = uniqueEmail('control')
    await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: control, role: 'org:member', redirect_url: 'https://app.trusted.example/join' })
    expect(await invitationLanding(server, { status: 200, headers: new Headers(), body: null }, control)).toMatch(/^https:\/\/app\.trusted\.example\/join\?__clerk_ticket=/)
  })

  it('ignores redirect_url on sign-up and sign-in: no echo, no link anywhere', async () => {
    const server = createTestServer(ctx.db, CONFIG)
    const browser = server.browser()
    const email = uniqueEmail('redirect')
    const signUp = await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD, redirect_url: 'https://evil.com/a', action_complete_redirect_url: 'https://evil.com/b' })
    expect(signUp.status).toBe(200)
    const prepared = await browser.post(`/v1/client/sign_ups/${signUp.body.response.id}/prepare_verification`, { strategy: 'email_code', redirect_url: 'https://evil.com/c' })
    expect(prepared.status).toBe(200)
    const signIn = await server.browser().post('/v1/client/sign_ins', { identifier: email, redirect_url: 'https://evil.com/d' })
    for (const res of [signUp, prepared, signIn])
      expect(JSON.stringify(res.body)).not.toContain('evil.com')
    expect((await latestMail(server, email)).body).not.toContain('evil.com')
  })
})
