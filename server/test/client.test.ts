import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { clientSchema, deletedObjectSchema, envelopeSchema, parseContract } from '../src/contract'
import { describeEachDb } from './helpers/dbSuites'
import { signUp } from './helpers/flows'
import { createTestServer, uniqueEmail } from './helpers/testServer'
import { expectEnvelope, expectError } from './helpers/wire'

describeEachDb('client', (ctx) => {
  describe('gET /v1/client', () => {
    it('answers {response: null, client: null} for an unknown browser', async () => {
      const server = createTestServer(ctx.db)
      const res = await server.browser().get('/v1/client')
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ response: null, client: null })
      expect(parseContract(envelopeSchema(z.nullable(clientSchema)), res.body, 'client').response).toBeNull()
    })

    it('returns the full client with sessions, users and fresh tokens', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      const account = await signUp(server, browser, uniqueEmail())
      const { response, client } = expectEnvelope(await browser.get('/v1/client'), clientSchema)
      expect(client).toEqual(response)
      expect(response.sessions[0]).toMatchObject({ id: account.sessionId, user: { id: account.userId }, public_user_data: { identifier: account.email } })
      expect(response.sessions[0]?.last_active_token?.jwt.split('.')).toHaveLength(3)
    })

    it('never sends private metadata', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      const account = await signUp(server, browser, uniqueEmail())
      await ctx.db.kysely.updateTable('users').set({ private_metadata: '{"secret":"do-not-leak-this-value"}', public_metadata: '{"role":"pro"}' }).where('id', '=', account.userId).execute()
      const res = await browser.get('/v1/client')
      expect(JSON.stringify(res.body)).not.toContain('do-not-leak-this-value')
      expect(res.body.response.sessions[0].user.public_metadata).toEqual({ role: 'pro' })
      expect(res.body.response.sessions[0].user).not.toHaveProperty('private_metadata')
    })

    it('ignores a cookie with a wrong secret', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      await signUp(server, browser, uniqueEmail())
      const forged = server.browser()
      forged.cookies.set('__client', `${browser.cookies.get('__client')!.split('.')[0]}.not-the-secret`)
      expect((await forged.get('/v1/client')).body).toEqual({ response: null, client: null })
    })
  })

  it('pUT /v1/client creates a client and sets its cookie', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const { response } = expectEnvelope(await browser.put('/v1/client'), clientSchema)
    expect(response).toMatchObject({ object: 'client', sessions: [], sign_in: null, sign_up: null, last_active_session_id: null })
    expect(browser.cookies.get('__client')).toMatch(new RegExp(`^${response.id}\\.`))
    expect((await browser.get('/v1/client')).body.response.id).toBe(response.id)
  })

  it('dELETE /v1/client/sessions signs every session out, keeps the client, answers client: null', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const account = await signUp(server, browser, uniqueEmail())
    const res = await browser.delete('/v1/client/sessions')
    const parsed = parseContract(envelopeSchema(clientSchema), res.body, 'client')
    expect(parsed.client).toBeNull()
    expect(parsed.response.sessions).toEqual([])
    expectError(await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`), 401, 'signed_out')
    expect((await browser.get('/v1/client')).body.response.id).toBe(parsed.response.id)
  })

  it('dELETE /v1/client destroys the client and clears the cookie', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const cookie = (await signUp(server, browser, uniqueEmail()), browser.cookies.get('__client')!)
    const res = await browser.delete('/v1/client')
    expect(res.status).toBe(200)
    expect(res.body.client).toBeNull()
    expect(deletedObjectSchema.parse(res.body.response)).toMatchObject({ object: 'client', deleted: true })
    expect(browser.cookies.has('__client')).toBe(false)
    const replay = server.browser()
    replay.cookies.set('__client', cookie)
    expect((await replay.get('/v1/client')).body).toEqual({ response: null, client: null })
  })

  describe('gET /v1/client/touch', () => {
    it('re-issues the cookie and redirects (307) to an allowed URL', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      await signUp(server, browser, uniqueEmail())
      const res = await browser.get('/v1/client/touch', { redirect_url: 'http://localhost:5173/after' })
      expect(res.status).toBe(307)
      expect(res.headers.get('location')).toBe('http://localhost:5173/after')
      expect(res.headers.getSetCookie().some(line => line.startsWith('__client=') && /Max-Age=31536000/.test(line))).toBe(true)
    })

    it.each([
      'https://evil.example',
      '//evil.example',
      'javascript:alert(1)',
      'http://localhost:5173@evil.example/',
    ])('refuses %s with 400 invalid_redirect_url', async (target) => {
      const server = createTestServer(ctx.db)
      const res = await server.browser().get('/v1/client/touch', { redirect_url: target })
      expectError(res, 400, 'invalid_redirect_url', 'redirect_url')
      expect(res.headers.get('location')).toBeNull()
    })

    it('needs a redirect_url', async () => {
      const server = createTestServer(ctx.db)
      expectError(await server.browser().get('/v1/client/touch'), 422, 'form_param_missing', 'redirect_url')
    })
  })
})
