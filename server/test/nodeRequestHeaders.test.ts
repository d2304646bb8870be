import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestServer } from './helpers/testServer'
import { request } from 'node:http'
import { serve } from '@hono/node-server'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb } from './helpers/dbSuites'
import { signUp } from './helpers/flows'
import { createTestServer, uniqueEmail } from './helpers/testServer'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: any
}

// raw header pairs, so a test can repeat a header the way an HTTP/2 proxy splits cookies
function post(port: number, path: string, rawHeaders: [string, string][]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = 'organization_id='
    // with raw headers Node adds none of its own
    const headers = [['host', `127.0.0.1:${port}`], ...rawHeaders, ['content-type', 'application/x-www-form-urlencoded'], ['content-length', String(body.length)]]
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: headers.flat() }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', chunk => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString()) }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

// the middleware reads headers from Node's request object under @hono/node-server: the same rules over a real socket
describeEachDb('request headers over HTTP', (ctx) => {
  let server: Server
  let port: number
  let test: TestServer
  let cookie: string
  let tokens: string

  beforeAll(async () => {
    test = createTestServer(ctx.db)
    const browser = test.browser()
    const account = await signUp(test, browser, uniqueEmail())
    cookie = `__client=${browser.cookies.get('__client')}`
    tokens = `/v1/client/sessions/${account.sessionId}/tokens`
    server = serve({ fetch: test.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server
    await new Promise(resolve => server.once('listening', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise(resolve => server.close(resolve)))

  it('identifies the client by its cookie, answers CORS for the allowed Origin and uses it as azp', async () => {
    const res = await post(port, tokens, [['origin', 'http://localhost:5173'], ['cookie', `theme=dark; ${cookie}`]])
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.headers).toMatchObject({ 'access-control-allow-origin': 'http://localhost:5173', 'access-control-allow-credentials': 'true', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' })
    expect(decodeJwt(res.body.jwt).azp).toBe('http://localhost:5173')
  })

  it('reads a cookie header split in two', async () => {
    const res = await post(port, tokens, [['origin', 'http://localhost:5173'], ['cookie', 'theme=dark'], ['cookie', cookie]])
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  })

  it('refuses another Origin before anything happens, without CORS headers', async () => {
    const res = await post(port, tokens, [['origin', 'https://evil.example'], ['cookie', cookie]])
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.errors[0].code).toBe('origin_invalid')
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('judges a request without Origin by its Referer, which also gives the azp', async () => {
    const allowed = await post(port, tokens, [['referer', 'http://localhost:5173/account?tab=1'], ['cookie', cookie]])
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200)
    expect(decodeJwt(allowed.body.jwt).azp).toBe('http://localhost:5173')
    const refused = await post(port, tokens, [['referer', 'https://evil.example/page'], ['cookie', cookie]])
    expect(refused.status).toBe(400)
  })

  it('refuses a cookie-bearing request with no Origin, Referer or Fetch Metadata', async () => {
    const res = await post(port, tokens, [['cookie', cookie]])
    expect(res.status).toBe(400)
    expect(res.body.errors[0].code).toBe('origin_invalid')
  })
})
