import type { IncomingMessage, RequestListener, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestServer } from './helpers/testServer'
import { createServer, request } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { assembleApp } from '../src/app'
import { withTokenFastPath } from '../src/http/tokenFastPath'
import { describeEachDb } from './helpers/dbSuites'
import { signUp } from './helpers/flows'
import { createTestServer, uniqueEmail } from './helpers/testServer'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

interface Call {
  path: string
  headers: [string, string][]
  body?: string
  /** Send the body chunked (no Content-Length). */
  chunked?: boolean
}

const ORIGIN = 'http://localhost:5173'
const FORM = 'application/x-www-form-urlencoded'

function send(port: number, { path, headers, body = 'organization_id=', chunked = false }: Call): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const all = [['host', `127.0.0.1:${port}`], ...headers, ...(chunked ? [['transfer-encoding', 'chunked']] : [['content-length', String(Buffer.byteLength(body))]])]
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: all.flat() }, (res: IncomingMessage) => {
      const chunks: Buffer[] = []
      res.on('data', chunk => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

// what must match between the two paths: status, headers (but the per-response ones) and the body
// (but the error envelope's random trace id)
function comparable(answer: Answer) {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...headers } = answer.headers
  const body = JSON.parse(answer.text)
  if (body.clerk_trace_id)
    body.clerk_trace_id = expect.any(String)
  return { status: answer.status, headers, body }
}

async function listen(listener: RequestListener): Promise<{ server: Server, port: number }> {
  const server = createServer(listener)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

// the token endpoint served without Hono must answer exactly as the app does: same database, same
// config and clock, one server per path, every request sent to both
for (const instanceType of ['development', 'production'] as const) {
  describeEachDb(`token fast path (${instanceType})`, (ctx) => {
    let test: TestServer
    let fast: { server: Server, port: number }
    let hono: { server: Server, port: number }
    let fellBack = 0
    let cookie: string
    let tokens: string

    beforeAll(async () => {
      // the dev inbox holds the sign-up code in production too
      test = createTestServer(ctx.db, { instanceType, devInbox: true })
      const browser = test.browser()
      const account = await signUp(test, browser, uniqueEmail())
      cookie = `__client=${browser.cookies.get('__client')}`
      tokens = `/v1/client/sessions/${account.sessionId}/tokens`
      const { app, deps } = assembleApp({ db: ctx.db, config: test.config, clock: test.clock, logger: { info() {}, warn() {}, error() {} } })
      const appListener = getRequestListener(app.fetch)
      fast = await listen(withTokenFastPath(deps, (incoming, outgoing) => {
        fellBack++
        return appListener(incoming, outgoing)
      }))
      hono = await listen(getRequestListener(test.app.fetch))
    })
    afterAll(async () => {
      await new Promise(resolve => fast.server.close(resolve))
      await new Promise(resolve => hono.server.close(resolve))
    })

    async function both(call: Call): Promise<{ fast: Answer, hono: Answer, fellBack: boolean }> {
      const before = fellBack
      const fastAnswer = await send(fast.port, call)
      const honoAnswer = await send(hono.port, call)
      expect(comparable(fastAnswer)).toEqual(comparable(honoAnswer))
      return { fast: fastAnswer, hono: honoAnswer, fellBack: fellBack > before }
    }

    it('serves a token as the app does: cookie, CORS for the allowed Origin, azp, security headers', async () => {
    // the first request migrates through the app; the fast path waits for that
      await both({ path: tokens, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', FORM]] })
      const { fast: answer, fellBack } = await both({ path: tokens, headers: [['origin', ORIGIN], ['cookie', `theme=dark; ${cookie}`], ['content-type', FORM]] })
      expect(fellBack).toBe(false)
      expect(answer.status, answer.text).toBe(200)
      expect(answer.headers).toMatchObject({ 'access-control-allow-origin': ORIGIN, 'access-control-allow-credentials': 'true', 'vary': 'Origin', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'content-type': 'application/json' })
      expect(JSON.parse(answer.text)).toMatchObject({ object: 'token', jwt: expect.stringMatching(/^ey/) })
    })

    it('answers the same to every variant of a token request it takes', async () => {
      const calls: Call[] = [
        { path: `${tokens}?debug=skip_cache`, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', FORM]] },
        { path: tokens, headers: [['origin', ORIGIN], ['cookie', 'theme=dark'], ['cookie', cookie], ['content-type', FORM]] },
        { path: tokens, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', 'application/json']], body: '{"organization_id":null}' },
        { path: tokens, headers: [['origin', ORIGIN], ['cookie', cookie]], body: '' },
        { path: tokens, headers: [['referer', `${ORIGIN}/account?tab=1`], ['cookie', cookie], ['content-type', FORM]] },
        { path: tokens, headers: [['sec-fetch-site', 'same-origin'], ['cookie', cookie], ['content-type', FORM]] },
        // refusals and errors, each in Clerk's envelope with the app's headers
        { path: tokens, headers: [['origin', 'https://evil.example'], ['cookie', cookie], ['content-type', FORM]] },
        { path: tokens, headers: [['referer', 'https://evil.example/page'], ['cookie', cookie], ['content-type', FORM]] },
        { path: tokens, headers: [['cookie', cookie], ['content-type', FORM]] },
        { path: tokens, headers: [['origin', ORIGIN], ['content-type', FORM]] },
        { path: tokens, headers: [['origin', ORIGIN], ['cookie', `${cookie.split('.')[0]}.wrong-secret`], ['content-type', FORM]] },
        { path: '/v1/client/sessions/sess_unknown/tokens', headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', FORM]] },
        { path: `${tokens}?__clerk_db_jwt=unknown`, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', FORM]] },
        { path: tokens, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', FORM]], body: 'organization_id=org_unknown' },
        { path: tokens, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', 'application/json']], body: '{"organization_id":' },
        { path: tokens, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', 'Application/JSON; charset=utf-8']], body: '{}' },
      ]
      const statuses: number[] = []
      for (const call of calls) {
        const { fast: answer, fellBack } = await both(call)
        expect(fellBack, call.path).toBe(false)
        statuses.push(answer.status)
      }
      // a production instance ignores the dev-browser parameter and goes by the cookie
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 400, 400, 400, 401, 401, 401, instanceType === 'development' ? 401 : 200, 403, 400, 200])
    })

    it('leaves every other shape to the app, which answers it as before', async () => {
      const calls: Call[] = [
        { path: `${tokens}/`, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', FORM]] },
        { path: `${tokens}?_method=DELETE`, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', FORM]] },
        { path: tokens, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', FORM]], chunked: true },
        { path: tokens, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', 'text/plain']], body: 'x' },
        { path: tokens, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', 'multipart/form-data; boundary=x']], body: '--x--\r\n' },
        { path: `${tokens}/custom`, headers: [['origin', ORIGIN], ['cookie', cookie], ['content-type', FORM]] },
      ]
      for (const call of calls) {
        const { fellBack } = await both(call)
        expect(fellBack, `${call.path} ${JSON.stringify(call.headers)}`).toBe(true)
      }
    })
  })
}

describeEachDb('token fast path: the app it stands in for', (ctx) => {
  it('has the seven global middlewares whose rules the fast path applies (a new one must be added there too)', () => {
    const { app } = assembleApp({ db: ctx.db, config: createTestServer(ctx.db).config })
    // securityHeaders, cors, migrated, azp, originCheck, parseBody, clientIdentity: see withTokenFastPath
    const global = app.routes.filter(route => route.path === '/*' && route.method === 'ALL')
    expect(global).toHaveLength(7)
  })
})
