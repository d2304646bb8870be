import { describe, expect, it } from 'vitest'
import { signUpSchema } from '../src/contract'
import { createDb } from '../src/db/createDb'
import { migrate } from '../src/db/migrate'
import { formFromJson, parseFormBody } from '../src/utils/formBody'
import { describeEachDb } from './helpers/dbSuites'
import { signUp } from './helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from './helpers/testServer'
import { expectEnvelope, expectError } from './helpers/wire'

describe('form bodies', () => {
  it('turns repeated keys into arrays', () => {
    expect(parseFormBody('email_address=a%40x.com&email_address=b%40x.com&name=Ada')).toEqual({ email_address: ['a@x.com', 'b@x.com'], name: 'Ada' })
  })

  it('reads JSON bodies the way clerk-js encodes forms', () => {
    expect(formFromJson({ unsafe_metadata: { a: 1 }, legal_accepted: true, organization_id: null, ids: ['a', 'b'] }))
      .toEqual({ unsafe_metadata: '{"a":1}', legal_accepted: 'true', organization_id: '', ids: ['a', 'b'] })
  })

  it('keeps __proto__ keys as plain data', () => {
    const form = parseFormBody('__proto__=x&constructor=y')
    expect(Object.getOwnPropertyDescriptor(form, '__proto__')?.value).toBe('x')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})

describeEachDb('request handling', (ctx) => {
  it('routes POST + _method=PATCH to the PATCH handler (only GET and POST travel)', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const id = (await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail() })).body.response.id
    const res = await browser.send('POST', `/v1/client/sign_ups/${id}`, { first_name: 'Ada' }, { query: { _method: 'PATCH' } })
    expect(expectEnvelope(res, signUpSchema).response.id).toBe(id)
  })

  it('never turns a GET into a DELETE', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    await signUp(server, browser, uniqueEmail())
    await browser.get('/v1/client/sessions', { _method: 'DELETE' })
    expect((await browser.get('/v1/client')).body.response.sessions).toHaveLength(1)
  })

  it('accepts trailing and doubled slashes', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    expect((await browser.get('/v1/environment/')).status).toBe(200)
    expect((await browser.get('/v1//environment')).status).toBe(200)
  })

  it('accepts JSON bodies too', async () => {
    const server = createTestServer(ctx.db)
    const email = uniqueEmail()
    const res = await server.app.request('/v1/client/sign_ups', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'origin': 'http://localhost:5173' },
      body: JSON.stringify({ email_address: email, unsafe_metadata: { a: 1 } }),
    })
    expect(res.status).toBe(200)
    expect((await res.json()).response).toMatchObject({ email_address: email, unsafe_metadata: { a: 1 } })
  })

  it('refuses an unknown content type with 415', async () => {
    const server = createTestServer(ctx.db)
    const res = await server.app.request('/v1/client/sign_ups', { method: 'POST', headers: { 'content-type': 'text/plain', 'origin': 'http://localhost:5173' }, body: 'email_address=a@example.com' })
    expect(res.status).toBe(415)
    expect((await res.json()).errors[0].code).toBe('unsupported_content_type')
  })

  it('refuses a body over 1 MiB with 413 (declared length)', async () => {
    const server = createTestServer(ctx.db)
    const res = await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail(), first_name: 'a'.repeat(1024 * 1024) })
    expectError(res, 413, 'payload_too_large')
  })

  it('refuses a chunked body over 1 MiB with 413 while reading it', async () => {
    const server = createTestServer(ctx.db)
    const chunk = new TextEncoder().encode(`first_name=${'a'.repeat(64 * 1024)}`)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 2 * 1024 * 1024)
          return controller.close()
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const res = await server.app.request('/v1/client/sign_ups', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'origin': 'http://localhost:5173' }, body, duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
    expect(sent).toBeLessThan(2 * 1024 * 1024)
  })

  it('answers unknown routes with Clerk\'s 404 envelope', async () => {
    const server = createTestServer(ctx.db)
    expectError(await server.browser().get('/v1/nope'), 404, 'resource_not_found')
  })

  it('routes with Hono\'s RegExpRouter (every route shape is one it accepts), unknown invitation actions included', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    await signUp(server, browser, uniqueEmail())
    expectError(await browser.post('/v1/organizations/org_x/invitations/bulkx', {}), 404, 'resource_not_found')
    // SmartRouter names the router it settled on after the first match
    expect(server.app.router.name).toBe('SmartRouter + RegExpRouter')
  })

  it('marks API answers no-store and nosniff', async () => {
    const server = createTestServer(ctx.db)
    const res = await server.browser().get('/v1/environment')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  describe('origin check', () => {
    it.each([
      ['a foreign Origin', { origin: 'https://evil.example' }],
      ['Origin null', { origin: 'null' }],
      ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
      ['a foreign Referer without Origin', { referer: 'https://evil.example/page' }],
    ])('refuses %s on a mutating request with 400 origin_invalid, before any change', async (_name, headers) => {
      const server = createTestServer(ctx.db)
      const browser = server.browser({ origin: null })
      const email = uniqueEmail()
      expectError(await browser.send('POST', '/v1/client/sign_ups', { email_address: email }, { headers }), 400, 'origin_invalid')
      expect(await ctx.db.kysely.selectFrom('sign_ups').select('id').where('email_address', '=', email).execute()).toEqual([])
    })

    it('refuses a request that carries the client cookie but no Origin, Referer or Fetch Metadata', async () => {
      const server = createTestServer(ctx.db)
      const page = server.browser()
      await page.put('/v1/client')
      const bare = server.browser({ origin: null })
      bare.cookies.set('__client', page.cookies.get('__client')!)
      expectError(await bare.post('/v1/client/sign_ups', { email_address: uniqueEmail() }), 400, 'origin_invalid')
    })

    it('lets a request without cookie and without Origin through (servers, scripts)', async () => {
      const server = createTestServer(ctx.db)
      expect((await server.browser({ origin: null }).post('/v1/client/sign_ups', { email_address: uniqueEmail() })).status).toBe(200)
    })

    it('allows any loopback origin in development, none in production unless listed', async () => {
      const dev = createTestServer(ctx.db, { allowedOrigins: [] })
      expect((await dev.browser({ origin: 'http://127.0.0.1:3000' }).post('/v1/client/sign_ups', { email_address: uniqueEmail() })).status).toBe(200)
      const prod = createTestServer(ctx.db, { instanceType: 'production', allowedOrigins: ['https://app.example.com'] })
      expectError(await prod.browser({ origin: 'http://127.0.0.1:3000' }).post('/v1/client/sign_ups', { email_address: uniqueEmail() }), 400, 'origin_invalid')
      expect((await prod.browser({ origin: 'https://app.example.com' }).post('/v1/client/sign_ups', { email_address: uniqueEmail() })).status).toBe(200)
    })

    it('matches one-label wildcards', async () => {
      const server = createTestServer(ctx.db, { instanceType: 'production', allowedOrigins: ['https://*.example.com'] })
      expect((await server.browser({ origin: 'https://app.example.com' }).post('/v1/client/sign_ups', {})).status).toBe(200)
      expectError(await server.browser({ origin: 'https://a.b.example.com' }).post('/v1/client/sign_ups', {}), 400, 'origin_invalid')
      expectError(await server.browser({ origin: 'https://evilexample.com' }).post('/v1/client/sign_ups', {}), 400, 'origin_invalid')
    })
  })

  describe('cORS', () => {
    it('reflects an allowed origin with credentials and the exposed headers', async () => {
      const server = createTestServer(ctx.db)
      const res = await server.app.request('/v1/environment', { headers: { origin: 'http://localhost:5173' } })
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
      expect(res.headers.get('access-control-allow-credentials')).toBe('true')
      expect(res.headers.get('access-control-expose-headers')).toBe('Clerk-Db-Jwt, x-country, retry-after, authorization')
      expect(res.headers.get('vary')).toContain('Origin')
    })

    it('gives a foreign origin no CORS headers, errors included', async () => {
      const server = createTestServer(ctx.db, { instanceType: 'production' })
      const read = await server.app.request('/v1/environment', { headers: { origin: 'https://evil.example' } })
      expect(read.headers.get('access-control-allow-origin')).toBeNull()
      const write = await server.app.request('/v1/client/sign_ups', { method: 'POST', headers: { origin: 'https://evil.example' } })
      expect(write.status).toBe(400)
      expect(write.headers.get('access-control-allow-origin')).toBeNull()
    })

    it('puts CORS headers on error answers for allowed origins', async () => {
      const server = createTestServer(ctx.db)
      const res = await server.app.request('/v1/client/sign_ins', { method: 'POST', headers: { 'origin': 'http://localhost:5173', 'content-type': 'application/x-www-form-urlencoded' }, body: `identifier=${uniqueEmail()}` })
      expect(res.status).toBe(422)
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    })

    it('answers preflights for allowed origins only', async () => {
      const server = createTestServer(ctx.db)
      const allowed = await server.app.request('/v1/me/profile_image', { method: 'OPTIONS', headers: { 'origin': 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } })
      expect(allowed.status).toBe(204)
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST')
      const refused = await server.app.request('/v1/me/profile_image', { method: 'OPTIONS', headers: { 'origin': 'https://evil.example', 'access-control-request-method': 'POST' } })
      expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    })
  })
})

describe('unexpected failures', () => {
  it('answers 500 internal_clerk_error, logs the failure without request data', async () => {
    const db = await createDb({ url: 'sqlite::memory:' })
    await migrate(db)
    const server = createTestServer(db)
    const browser = server.browser()
    await browser.put('/v1/client')
    await db.destroy()
    const res = await browser.post('/v1/client/sign_ups', { email_address: 'secret.person@example.com', password: GOOD_PASSWORD })
    expectError(res, 500, 'internal_clerk_error')
    expect(server.logs.join('\n')).toMatch(/POST \/v1\/client\/sign_ups failed/)
    expect(server.logs.join('\n')).not.toContain(GOOD_PASSWORD)
    expect(server.logs.join('\n')).not.toContain(browser.cookies.get('__client')!)
  })
})
