import type { TestResponse } from '../helpers/testBrowser'
import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestServer, uniqueEmail } from '../helpers/testServer'
import { addMember, createOrganization, person } from '../organizations/orgFixtures'
import { databaseSchema } from './databaseSnapshot'

/** Classic, UNION, stacked, time-based, comment, LIKE and JSON-path payloads for both dialects. */
const PAYLOADS = [
  `' OR 1=1--`,
  `' OR '1'='1`,
  `" OR ""="`,
  `\\' OR 1=1 --`,
  `'; DROP TABLE users; --`,
  `'); DROP TABLE sessions; --`,
  `1; DELETE FROM email_addresses`,
  `' UNION SELECT password_hash, NULL FROM users--`,
  `' UNION ALL SELECT name, sql FROM sqlite_master--`,
  `'||(SELECT pg_sleep(5))||'`,
  `'; SELECT pg_sleep(5); --`,
  `' AND 1=(SELECT 1 FROM pg_sleep(5))--`,
  `' AND randomblob(1000000000)--`,
  `'||randomblob(1000000000)||'`,
  `%' --`,
  `%`,
  `_`,
  `\\`,
  `a.b`,
  `$[*]`,
  `$.a[0]`,
  `**`,
  `{"$gt": ""}`,
  `?`,
  `$1`,
  `:name`,
  `/* comment */`,
  `' /*`,
  `"`,
]

function noServerError(res: TestResponse, label: string): void {
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBeLessThan(500)
}

describeEachDb('security: SQL injection (security.md #45)', (ctx) => {
  it('stores names, metadata keys and values and organization names literally, refuses malformed identifiers, and keeps the schema', async () => {
    const server = createTestServer(ctx.db, { signUp: { firstName: 'optional', lastName: 'optional', username: 'optional' } })
    const schemaBefore = await databaseSchema(ctx.db)
    const usersBefore = await ctx.db.kysely.selectFrom('users').select(eb => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    const admin = await person(server, 'admin')
    const org = await createOrganization(admin, 'Injection Inc')
    const slow: string[] = []
    const timed = async (label: string, request: Promise<TestResponse>) => {
      const started = performance.now()
      const res = await request
      if (performance.now() - started > 1000)
        slow.push(label)
      noServerError(res, label)
      return res
    }

    for (const payload of PAYLOADS) {
      const stranger = server.browser()
      // identifiers: refused (format) or not found, never a match or an error
      const signUp = await timed(`sign-up ${payload}`, stranger.post('/v1/client/sign_ups', { email_address: `${payload}@example.com` }))
      if (signUp.status !== 200)
        expect(signUp.body.errors[0].code).toBe('form_param_format_invalid')
      const signIn = await timed(`sign-in ${payload}`, stranger.post('/v1/client/sign_ins', { identifier: payload }))
      expect(signIn.status, payload).toBe(422)
      expect(signIn.body.errors[0].code).toMatch(/^(form_identifier_not_found|form_param_format_invalid)$/)
      const username = await timed(`username ${payload}`, admin.browser.patch('/v1/me', { username: payload }))
      if (username.status !== 200)
        expect(username.body.errors[0].code).toMatch(/^form_username_/)

      // free text: stored and answered exactly as sent
      const named = await timed(`names ${payload}`, admin.browser.patch('/v1/me', { first_name: payload, last_name: `${payload} 2` }))
      expect(named.body.response).toMatchObject({ first_name: payload.trim(), last_name: `${payload} 2`.trim() })
      const metadata = { [payload]: payload, nested: { [payload]: [payload] } }
      const patched = await timed(`metadata ${payload}`, admin.browser.patch('/v1/me/metadata', { unsafe_metadata: JSON.stringify(metadata) }))
      expect(patched.body.response.unsafe_metadata[payload]).toBe(payload)
      expect(patched.body.response.unsafe_metadata.nested).toEqual({ [payload]: [payload] })
      await timed(`metadata reset ${payload}`, admin.browser.patch('/v1/me/metadata', { unsafe_metadata: JSON.stringify({ [payload]: null, nested: null }) }))
      const renamed = await timed(`org name ${payload}`, admin.browser.patch(`/v1/organizations/${org.id}`, { name: payload }))
      expect(renamed.body.response.name).toBe(payload.trim())
      const slug = await timed(`slug ${payload}`, admin.browser.patch(`/v1/organizations/${org.id}`, { slug: payload }))
      expect(slug.status, payload).toBe(422)

      // query parameters: filters match literally, paging values are numbers or refused
      const search = await timed(`query ${payload}`, admin.browser.get(`/v1/organizations/${org.id}/memberships`, { query: payload, paginated: 'true' }))
      expect(search.body.response.data.length, payload).toBeLessThanOrEqual(1)
      const byRole = await timed(`role ${payload}`, admin.browser.get(`/v1/organizations/${org.id}/memberships`, { role: payload, paginated: 'true' }))
      expect(byRole.body.response?.data ?? [], payload).toEqual([])
      for (const name of ['limit', 'offset']) {
        const paged = await timed(`${name} ${payload}`, admin.browser.get(`/v1/organizations/${org.id}/memberships`, { [name]: payload, paginated: 'true' }))
        expect(paged.status, `${name}=${payload}`).toBe(422)
      }
    }
    expect(slow).toEqual([])
    expect(await databaseSchema(ctx.db)).toEqual(schemaBefore)
    const usersAfter = await ctx.db.kysely.selectFrom('users').select(eb => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(Number(usersAfter.n)).toBe(Number(usersBefore.n) + 1)
    expect(server.logs.filter(line => /sql|syntax|unrecognized token/i.test(line))).toEqual([])
  })

  it('matches a member search for a percent sign or an underscore literally', async () => {
    const server = createTestServer(ctx.db)
    const admin = await person(server, 'admin')
    const org = await createOrganization(admin)
    for (const prefix of ['under_score', 'per%cent', 'plain'])
      await addMember(admin, org.id, (await person(server, prefix)).userId)
    const search = async (query: string) => (await admin.browser.get(`/v1/organizations/${org.id}/memberships`, { query, paginated: 'true' })).body.response.data.map((member: { public_user_data: { identifier: string } }) => member.public_user_data.identifier.split('.')[0])
    expect(await search('_')).toEqual(['under_score'])
    expect(await search('%')).toEqual(['per%cent'])
    expect(await search('r_s')).toEqual(['under_score'])
    expect((await search(uniqueEmail('nobody')))).toEqual([])
  })

  it('answers a NUL character anywhere (parameter, query, path, cookie) without a server error, on both engines', async () => {
    const server = createTestServer(ctx.db, { signUp: { username: 'optional' }, phoneNumbers: { enabled: true, signIn: true } })
    const admin = await person(server, 'admin')
    const org = await createOrganization(admin)
    const nul = 'x\u0000y'
    const requests: [string, () => Promise<TestResponse>][] = [
      ['sign-in identifier', () => server.browser().post('/v1/client/sign_ins', { identifier: nul })],
      ['sign-up fields', () => server.browser().post('/v1/client/sign_ups', { email_address: `${nul}@example.com`, username: nul, unsafe_metadata: JSON.stringify({ [nul]: nul }) })],
      ['metadata', () => admin.browser.patch('/v1/me/metadata', { unsafe_metadata: JSON.stringify({ [nul]: nul }) })],
      ['member search', () => admin.browser.get(`/v1/organizations/${org.id}/memberships`, { query: nul })],
      ['member role filter', () => admin.browser.get(`/v1/organizations/${org.id}/memberships`, { role: nul })],
      ['member user_id', () => admin.browser.post(`/v1/organizations/${org.id}/memberships`, { user_id: nul, role: 'org:member' })],
      ['organization name', () => admin.browser.post('/v1/organizations', { name: nul })],
      ['active organization', () => admin.browser.post(`/v1/client/sessions/${admin.sessionId}/touch`, { active_organization_id: nul })],
      ['token organization', () => admin.browser.post(`/v1/client/sessions/${admin.sessionId}/tokens`, { organization_id: nul })],
      ['session path', () => admin.browser.get(`/v1/client/sessions/${encodeURIComponent(nul)}`)],
      ['sign-in path', () => admin.browser.get(`/v1/client/sign_ins/${encodeURIComponent(nul)}`)],
      ['organization path', () => admin.browser.get(`/v1/organizations/${encodeURIComponent(nul)}`)],
      ['image path', () => server.browser().get(`/v1/images/${encodeURIComponent(nul)}`)],
      ['acting session', () => admin.browser.get('/v1/me', { _clerk_session_id: nul })],
      ['client cookie', () => server.browser({ headers: { cookie: `__client=${encodeURIComponent(nul)}.secret` } }).get('/v1/client')],
    ]
    const serverErrors: string[] = []
    for (const [name, request] of requests) {
      const res = await request()
      if (res.status >= 500)
        serverErrors.push(`${name}: ${res.status} ${JSON.stringify(res.body)}`)
    }
    expect(serverErrors).toEqual([])
    expect(server.logs.filter(line => line.includes('failed'))).toEqual([])
  })
})
