import type { TestServer } from '../helpers/testServer'
import type { Person } from '../organizations/orgFixtures'
import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectError } from '../helpers/wire'
import { createOrganization, person } from '../organizations/orgFixtures'
import { databaseSnapshot } from './databaseSnapshot'

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const EVIL = 'https://evil.test'

/** A hostile way to send a mutating request with the victim's cookie. */
interface Variant {
  name: string
  /** Send the logical method on the wire (true) or as POST + `_method` the way clerk-js does (false). */
  wireMethod: boolean
  headers: Record<string, string>
  body: (form: Record<string, string>) => string
}

const formBody = (form: Record<string, string>) => new URLSearchParams(form).toString()
const jsonBody = (form: Record<string, string>) => JSON.stringify(form)

const VARIANTS: Variant[] = [
  { name: 'foreign Origin, form body, real method', wireMethod: true, headers: { 'origin': EVIL, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody },
  { name: 'foreign Origin, form body, _method override', wireMethod: false, headers: { 'origin': EVIL, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody },
  { name: 'Sec-Fetch-Site cross-site, no Origin, JSON body', wireMethod: false, headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, body: jsonBody },
  // security.md #17: the "simple request" a form on evil.test can send
  { name: 'Origin null, text/plain body holding JSON', wireMethod: false, headers: { 'origin': 'null', 'content-type': 'text/plain' }, body: jsonBody },
  { name: 'foreign Referer, no Origin, mixed-case content type', wireMethod: false, headers: { 'referer': `${EVIL}/page`, 'content-type': 'Application/X-WWW-Form-Urlencoded' }, body: formBody },
  { name: 'look-alike Origin (allowed origin as a prefix)', wireMethod: true, headers: { 'origin': 'http://localhost:5173.evil.test', 'content-type': 'application/x-www-form-urlencoded' }, body: formBody },
  { name: 'upper-case Origin', wireMethod: true, headers: { 'origin': 'HTTP://LOCALHOST:5173', 'content-type': 'application/x-www-form-urlencoded' }, body: formBody },
  // security.md #18: the cookie alone, with no Origin, Referer or Fetch Metadata
  { name: 'cookie without Origin, Referer or Fetch Metadata', wireMethod: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formBody },
]

/** Everything a victim owns that a route parameter can name. */
interface Victim extends Person {
  organizationId: string
  emailAddressId: string
  phoneNumberId: string
  invitationId: string
}

async function victimWithEverything(server: TestServer): Promise<Victim> {
  const victim = await person(server, 'victim')
  const organizationId = (await createOrganization(victim, 'Victim Inc')).id
  const email = await victim.browser.post('/v1/me/email_addresses', { email_address: uniqueEmail('second') })
  const phone = await victim.browser.post('/v1/me/phone_numbers', { phone_number: '+14155550142' })
  const invitation = await victim.browser.post(`/v1/organizations/${organizationId}/invitations`, { email_address: uniqueEmail('guest'), role: 'org:member' })
  for (const res of [email, phone, invitation])
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  return { ...victim, organizationId, emailAddressId: email.body.response.id, phoneNumberId: phone.body.response.id, invitationId: invitation.body.response.id }
}

/** A route pattern with each parameter replaced by the victim's real id (or a plausible one). */
function concretePath(pattern: string, victim: Victim): string {
  return pattern.replace(/:(\w+)/g, (_match, name: string, offset: number) => {
    const before = pattern.slice(0, offset)
    if (name === 'userId')
      return victim.userId
    if (name === 'organizationId' || before.endsWith('/organizations/'))
      return victim.organizationId
    if (name === 'invitationId')
      return victim.invitationId
    if (name === 'bulk')
      return 'bulk'
    if (name === 'template')
      return 'custom'
    if (before.endsWith('/sessions/'))
      return victim.sessionId
    if (before.endsWith('/email_addresses/'))
      return victim.emailAddressId
    if (before.endsWith('/phone_numbers/'))
      return victim.phoneNumberId
    return `${name}_unknown`
  })
}

/** A body that would do harm if the request went through. */
function harmfulForm(victim: Victim): Record<string, string> {
  return {
    first_name: 'Mallory',
    name: 'Pwned',
    slug: 'pwned',
    email_address: 'mallory@evil.test',
    phone_number: '+14155550199',
    user_id: victim.userId,
    role: 'org:admin',
    current_password: GOOD_PASSWORD,
    new_password: 'mallory-owns-this-account-1',
    password: 'mallory-owns-this-account-1',
    sign_out_of_other_sessions: 'true',
    unsafe_metadata: '{"owned":true}',
    active_organization_id: '',
    strategy: 'email_code',
    code: '000000',
  }
}

function send(server: TestServer, method: string, path: string, variant: Variant, cookie: string, form: Record<string, string>) {
  const url = new URL(path, 'http://localhost:4000')
  const wire = variant.wireMethod ? method : 'POST'
  if (!variant.wireMethod && method !== 'POST')
    url.searchParams.set('_method', method)
  return server.app.request(url.toString(), { method: wire, headers: { ...variant.headers, cookie }, body: variant.body(form) })
}

describeEachDb('security: CSRF on every mutating route', (ctx) => {
  it('refuses every mutating route of the router, in every hostile variant, before any change (security.md #16, #17, #18)', async () => {
    const server = createTestServer(ctx.db, { phoneNumbers: { enabled: true }, signUp: { firstName: 'optional' } })
    const victim = await victimWithEverything(server)
    const cookie = `__client=${victim.browser.cookies.get('__client')}`
    const routes = server.app.routes.filter(route => MUTATING.has(route.method))
    const patterns = [...new Set(routes.map(route => `${route.method} ${route.path}`))]
    // the enumeration must really come from the router: sign-ups, sessions, /me, organizations and more
    expect(patterns.length).toBeGreaterThan(50)
    expect(patterns).toEqual(expect.arrayContaining(['POST /v1/client/sign_ins', 'DELETE /v1/me', 'PATCH /v1/organizations/:id/memberships/:userId', 'POST /v1/me/change_password']))

    const before = await databaseSnapshot(ctx.db)
    const form = harmfulForm(victim)
    const refusals: string[] = []
    for (const pattern of patterns) {
      const [method, path] = pattern.split(' ') as [string, string]
      for (const variant of VARIANTS) {
        const res = await send(server, method, concretePath(path, victim), variant, cookie, form)
        const body = await res.json() as { errors?: { code: string }[] }
        refusals.push(`${pattern} [${variant.name}] -> ${res.status} ${body.errors?.[0]?.code}`)
        expect(res.headers.get('set-cookie'), pattern).toBeNull()
        expect(res.headers.get('access-control-allow-origin'), pattern).toBeNull()
      }
    }
    const unexpected = refusals.filter(line => !line.endsWith('-> 400 origin_invalid'))
    expect(unexpected).toEqual([])
    expect(refusals).toHaveLength(patterns.length * VARIANTS.length)
    expect(await databaseSnapshot(ctx.db)).toEqual(before)

    // the control: the same request from the allowed origin does change the account
    const allowed: Variant = { ...VARIANTS[0]!, headers: { 'origin': 'http://localhost:5173', 'content-type': 'application/x-www-form-urlencoded' } }
    expect((await send(server, 'PATCH', '/v1/me', allowed, cookie, { first_name: 'Mallory' })).status).toBe(200)
    expect((await victim.browser.get('/v1/me')).body.response.first_name).toBe('Mallory')
  })

  it('signs nobody in from a cross-site login form, and sets no cookie (security.md #21)', async () => {
    const server = createTestServer(ctx.db)
    const attacker = await person(server, 'attacker')
    const victimBrowser = server.browser({ origin: EVIL })
    const before = await databaseSnapshot(ctx.db)
    const hostile: Record<string, string>[] = [{ origin: EVIL }, { 'sec-fetch-site': 'cross-site' }, { referer: `${EVIL}/login` }]
    for (const headers of hostile) {
      const res = await victimBrowser.send('POST', '/v1/client/sign_ins', { identifier: attacker.email, password: GOOD_PASSWORD }, { headers })
      expectError(res, 400, 'origin_invalid')
      expect(res.headers.get('set-cookie')).toBeNull()
    }
    expect(victimBrowser.cookies.size).toBe(0)
    expect(await databaseSnapshot(ctx.db)).toEqual(before)
  })

  it('ignores X-HTTP-Method-Override and never mutates on GET (security.md #19)', async () => {
    const server = createTestServer(ctx.db)
    const victim = await person(server, 'victim')
    const before = await databaseSnapshot(ctx.db)
    const overridden = await victim.browser.send('POST', '/v1/me', {}, { headers: { 'x-http-method-override': 'DELETE', 'x-method-override': 'DELETE' } })
    expect(overridden.status).toBe(404)
    for (const method of ['DELETE', 'PATCH']) {
      const res = await victim.browser.get('/v1/me', { _method: method })
      expect(res.status).toBe(200)
    }
    expect((await victim.browser.get('/v1/me')).body.response.id).toBe(victim.userId)
    expect(await databaseSnapshot(ctx.db)).toEqual(before)
  })
})
