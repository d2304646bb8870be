import { expect, it } from 'vitest'
import { devBrowserSchema, signUpSchema } from '../src/contract'
import { describeEachDb } from './helpers/dbSuites'
import { signUp } from './helpers/flows'
import { createTestServer, uniqueEmail } from './helpers/testServer'
import { expectEnvelope, expectError } from './helpers/wire'

describeEachDb('dev browser', (ctx) => {
  it('hands out a dvb_ token, bare and in the Clerk-Db-Jwt header', async () => {
    const server = createTestServer(ctx.db)
    const res = await server.browser().post('/v1/dev_browser')
    expect(res.status).toBe(200)
    const { id } = devBrowserSchema.parse(res.body)
    expect(id).toMatch(/^dvb_/)
    expect(res.headers.get('clerk-db-jwt')).toBe(id)
  })

  it('identifies the client by __clerk_db_jwt, without cookies', async () => {
    const server = createTestServer(ctx.db)
    const token = (await server.browser().post('/v1/dev_browser')).body.id
    const browser = server.browser({ devBrowser: token })
    const account = await signUp(server, browser, uniqueEmail())
    expect(browser.cookies.size).toBe(0)
    const again = server.browser({ devBrowser: token })
    const client = (await again.get('/v1/client')).body.response
    expect(client.sessions[0].id).toBe(account.sessionId)
    expect((await again.post(`/v1/client/sessions/${account.sessionId}/tokens`)).status).toBe(200)
  })

  it('stores only a hash of the token', async () => {
    const server = createTestServer(ctx.db)
    const token = (await server.browser().post('/v1/dev_browser')).body.id
    const rows = await ctx.db.kysely.selectFrom('dev_browsers').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  it('answers an unknown token with 401 dev_browser_unauthenticated', async () => {
    const server = createTestServer(ctx.db)
    expectError(await server.browser({ devBrowser: 'dvb_unknown' }).get('/v1/client'), 401, 'dev_browser_unauthenticated')
  })

  it('creates the client on first use of a token', async () => {
    const server = createTestServer(ctx.db)
    const token = (await server.browser().post('/v1/dev_browser')).body.id
    const browser = server.browser({ devBrowser: token })
    expect((await browser.get('/v1/client')).body.response).toBeNull()
    expectEnvelope(await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail() }), signUpSchema)
    expect((await browser.get('/v1/client')).body.response.sign_up).not.toBeNull()
  })

  it('exists on development instances only', async () => {
    const server = createTestServer(ctx.db, { instanceType: 'production' })
    expectError(await server.browser().post('/v1/dev_browser'), 404, 'resource_not_found')
  })

  it('ignores __clerk_db_jwt on production instances (cookie identity only)', async () => {
    const server = createTestServer(ctx.db, { instanceType: 'production' })
    expect((await server.browser({ devBrowser: 'dvb_whatever' }).get('/v1/client')).body).toEqual({ response: null, client: null })
  })
})
