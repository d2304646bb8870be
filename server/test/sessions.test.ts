import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { sessionSchema, tokenSchema } from '../src/contract'
import { describeEachDb } from './helpers/dbSuites'
import { signInWithPassword, signUp } from './helpers/flows'
import { createTestServer, uniqueEmail } from './helpers/testServer'
import { expectEnvelope, expectError } from './helpers/wire'

describeEachDb('sessions', (ctx) => {
  async function signedIn(config = {}) {
    const server = createTestServer(ctx.db, config)
    const browser = server.browser()
    const account = await signUp(server, browser, uniqueEmail())
    return { server, browser, account }
  }

  async function verify(server: ReturnType<typeof createTestServer>, jwt: string) {
    const jwks = createLocalJWKSet((await server.browser().get('/.well-known/jwks.json')).body)
    return jwtVerify(jwt, jwks, { algorithms: ['RS256'], currentDate: new Date(server.clock()) })
  }

  describe('tokens', () => {
    it('mints an RS256 JWT with Clerk\'s claims that verifies against /.well-known/jwks.json', async () => {
      const { server, browser, account } = await signedIn()
      const res = await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`, { organization_id: '', tab_state: 'focused' })
      expect(res.status).toBe(200)
      const { jwt } = tokenSchema.parse(res.body)
      const { payload, protectedHeader } = await verify(server, jwt)
      const iat = Math.floor(server.clock() / 1000)
      expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.stringMatching(/^ins_/) })
      expect(payload).toEqual({
        azp: 'http://localhost:5173',
        exp: iat + 60,
        fva: [0, -1],
        iat,
        iss: 'http://localhost:4000',
        nbf: iat - 10,
        sid: account.sessionId,
        sts: 'active',
        sub: account.userId,
        v: 2,
      })
    })

    it('takes azp from the Referer when a request has no Origin, then from the configuration', async () => {
      const { server, browser: page, account } = await signedIn()
      const browser = server.browser({ origin: null })
      for (const [name, value] of page.cookies)
        browser.cookies.set(name, value)
      const fromReferer = await browser.send('POST', `/v1/client/sessions/${account.sessionId}/tokens`, {}, { headers: { referer: 'http://localhost:5173/dashboard' } })
      expect(JSON.parse(Buffer.from(fromReferer.body.jwt.split('.')[1], 'base64url').toString()).azp).toBe('http://localhost:5173')
      const fallback = await browser.send('POST', `/v1/client/sessions/${account.sessionId}/tokens`, {}, { query: { debug: 'skip_cache' }, headers: { 'sec-fetch-site': 'same-origin' } })
      expect(fallback.status, JSON.stringify(fallback.body)).toBe(200)
      expect(JSON.parse(Buffer.from(fallback.body.jwt.split('.')[1], 'base64url').toString()).azp).toBe('http://localhost:4000')
    })

    it('serves a token minted in the last seconds again, unless debug=skip_cache', async () => {
      const { server, browser, account } = await signedIn()
      const path = `/v1/client/sessions/${account.sessionId}/tokens`
      const first = (await browser.post(path)).body.jwt
      server.clock.advance(2000)
      expect((await browser.post(path)).body.jwt).toBe(first)
      const fresh = (await browser.post(path, {}, { debug: 'skip_cache' })).body.jwt
      expect(fresh).not.toBe(first)
      expect((await verify(server, fresh)).payload.iat).toBe(Math.floor(server.clock() / 1000))
      server.clock.advance(5000)
      expect((await browser.post(path)).body.jwt).not.toBe(fresh)
    })

    it('reports the first-factor age in minutes', async () => {
      const { server, browser, account } = await signedIn()
      server.clock.advance(7 * 60_000 + 5000)
      const { jwt } = (await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`)).body
      expect((await verify(server, jwt)).payload.fva).toEqual([7, -1])
    })

    it('answers 401 signed_out for a session that is gone or not this client\'s', async () => {
      const { server, browser, account } = await signedIn()
      expectError(await server.browser().post(`/v1/client/sessions/${account.sessionId}/tokens`), 401, 'signed_out')
      expectError(await browser.post('/v1/client/sessions/sess_unknown/tokens'), 401, 'signed_out')
      await browser.post(`/v1/client/sessions/${account.sessionId}/end`)
      expectError(await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`), 401, 'signed_out')
    })

    it('refuses a stolen session id with a forged cookie secret', async () => {
      const { server, browser, account } = await signedIn()
      const thief = server.browser()
      thief.cookies.set('__client', `${browser.cookies.get('__client')!.split('.')[0]}.forged-secret`)
      expectError(await thief.post(`/v1/client/sessions/${account.sessionId}/tokens`), 401, 'signed_out')
    })

    it('refuses an organization the user is not a member of without signing out (403)', async () => {
      const { browser, account } = await signedIn()
      expectError(await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`, { organization_id: 'org_123' }), 403, 'not_a_member_in_organization')
    })

    it('answers a clear 404 for JWT templates', async () => {
      const { browser, account } = await signedIn()
      const res = await browser.post(`/v1/client/sessions/${account.sessionId}/tokens/supabase`)
      expectError(res, 404, 'resource_not_found')
      expect(res.body.errors[0].long_message).toMatch(/template/i)
    })

    it('expires a session after its maximum lifetime', async () => {
      const { server, browser, account } = await signedIn({ sessions: { maxLifetimeSeconds: 3600, inactivityTimeoutSeconds: 7200 } })
      server.clock.advance(3600_000)
      expectError(await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`), 401, 'signed_out')
      expect((await browser.get('/v1/client')).body.response.sessions).toEqual([])
    })

    it('abandons an idle session, while activity keeps it alive', async () => {
      const { server, browser, account } = await signedIn({ sessions: { inactivityTimeoutSeconds: 3600 } })
      const path = `/v1/client/sessions/${account.sessionId}/touch`
      server.clock.advance(50 * 60_000)
      expect((await browser.post(path)).status).toBe(200)
      server.clock.advance(50 * 60_000)
      expect((await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`)).status).toBe(200)
      server.clock.advance(61 * 60_000)
      expectError(await browser.post(path), 401, 'signed_out')
      const res = await browser.get(`/v1/client/sessions/${account.sessionId}`)
      expect(expectEnvelope(res, sessionSchema).response.status).toBe('abandoned')
    })
  })

  describe('touch, get, end, remove', () => {
    it('touches a session: active again, with a fresh token and the client piggybacked', async () => {
      const { server, browser, account } = await signedIn()
      server.clock.advance(60_000)
      const { response, client } = expectEnvelope(await browser.post(`/v1/client/sessions/${account.sessionId}/touch`, { active_organization_id: '', intent: 'select_session' }), sessionSchema)
      expect(response).toMatchObject({ id: account.sessionId, status: 'active', last_active_at: server.clock(), last_active_organization_id: null })
      expect(response.last_active_token?.jwt).toEqual(expect.any(String))
      expect(client?.last_active_session_id).toBe(account.sessionId)
    })

    it('refuses to activate an organization the user does not belong to', async () => {
      const { browser, account } = await signedIn()
      expectError(await browser.post(`/v1/client/sessions/${account.sessionId}/touch`, { active_organization_id: 'org_1' }), 403, 'not_a_member_in_organization')
    })

    it('reads a session and hides other clients\' sessions', async () => {
      const { server, browser, account } = await signedIn()
      expect(expectEnvelope(await browser.get(`/v1/client/sessions/${account.sessionId}`), sessionSchema).response.id).toBe(account.sessionId)
      expectError(await server.browser().get(`/v1/client/sessions/${account.sessionId}`), 404, 'resource_not_found')
    })

    it('ends a session: status ended, gone from the client', async () => {
      const { browser, account } = await signedIn()
      const { response, client } = expectEnvelope(await browser.post(`/v1/client/sessions/${account.sessionId}/end`), sessionSchema)
      expect(response).toMatchObject({ status: 'ended', last_active_token: null })
      expect(client?.sessions).toEqual([])
      expect(client?.last_active_session_id).toBeNull()
    })

    it('removes one session of several in multi-session mode', async () => {
      const { server, browser, account } = await signedIn({ sessionMode: 'multi' })
      const otherEmail = uniqueEmail()
      await signUp(server, server.browser(), otherEmail)
      const second = await signInWithPassword(browser, otherEmail)
      const { response, client } = expectEnvelope(await browser.post(`/v1/client/sessions/${second}/remove`), sessionSchema)
      expect(response.status).toBe('removed')
      expect(client?.sessions.map(session => session.id)).toEqual([account.sessionId])
    })

    it('puts a decodable token with a kid on every active session of the piggybacked client', async () => {
      const { browser } = await signedIn()
      const client = (await browser.get('/v1/client')).body.response
      for (const session of client.sessions)
        expect(decodeProtectedHeader(session.last_active_token.jwt).kid).toMatch(/^ins_/)
    })
  })
})
