import { Hono } from 'hono'

/** One request as the fake Frontend API received it. */
export interface RecordedRequest {
  /** The wire method (GET or POST for FAPI calls). */
  method: string
  url: URL
  path: string
  query: URLSearchParams
  headers: Headers
  /** The raw body text ('' when there was none). */
  body: string
  credentials: RequestCredentials
}

/** What the fake answers: a status, a body (objects go as JSON, strings as text) and headers. */
export interface FakeFapiReply {
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

/** A reply, a list of replies used in turn (the last one repeats), or a function of the request. */
export type FakeFapiRoute = FakeFapiReply | FakeFapiReply[] | ((request: RecordedRequest) => FakeFapiReply)

/** A recording in-process Frontend API and the `fetch` that reaches it. */
export interface FakeFapi {
  app: Hono
  /** Pass as the FAPI client's `fetch`: requests go straight into `app.fetch`, no sockets. */
  fetch: typeof globalThis.fetch
  /** Every request that reached the app, in order. */
  requests: RecordedRequest[]
  /** How many times `fetch` was called, network failures included. */
  readonly attempts: number
  /** Answers `method` + `path` (full path, e.g. `/v1/client`) with `route`. */
  on: (method: string, path: string, route: FakeFapiRoute) => void
  /** Makes the next `times` fetches fail like a dropped connection, before reaching the app. */
  failNetwork: (times?: number) => void
  /** The last recorded request; throws when there is none. */
  last: () => RecordedRequest
}

/**
 * Creates a small Hono app that records each request it receives and answers what the test
 * configured; unknown routes get a FAPI-shaped 404.
 */
export function createFakeFapi(): FakeFapi {
  const requests: RecordedRequest[] = []
  const routes = new Map<string, { route: FakeFapiRoute, served: number }>()
  let failures = 0
  let attempts = 0

  const app = new Hono()
  app.all('*', async (c) => {
    const raw = c.req.raw
    const url = new URL(raw.url)
    const request: RecordedRequest = {
      method: raw.method,
      url,
      path: url.pathname,
      query: url.searchParams,
      headers: raw.headers,
      body: await raw.text(),
      credentials: raw.credentials,
    }
    requests.push(request)
    const entry = routes.get(`${raw.method} ${url.pathname}`)
    if (!entry)
      return Response.json(notFound(url.pathname), { status: 404 })
    return toResponse(pick(entry, request))
  })

  return {
    app,
    fetch: (input, init) => {
      attempts++
      if (failures > 0) {
        failures--
        return Promise.reject(new TypeError('fetch failed'))
      }
      return Promise.resolve(app.fetch(new Request(input, init)))
    },
    requests,
    get attempts() {
      return attempts
    },
    on: (method, path, route) => {
      routes.set(`${method.toUpperCase()} ${path}`, { route, served: 0 })
    },
    failNetwork: (times = 1) => {
      failures = times
    },
    last: () => {
      const request = requests.at(-1)
      if (!request)
        throw new Error('The fake FAPI received no request.')
      return request
    },
  }
}

function pick(entry: { route: FakeFapiRoute, served: number }, request: RecordedRequest): FakeFapiReply {
  const { route } = entry
  const index = entry.served++
  if (typeof route === 'function')
    return route(request)
  if (Array.isArray(route))
    return route[Math.min(index, route.length - 1)] ?? {}
  return route
}

function toResponse({ status = 200, body, headers }: FakeFapiReply): Response {
  if (body === undefined || status === 204)
    return new Response(null, { status, headers })
  if (typeof body === 'string')
    return new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } })
  return Response.json(body, { status, headers })
}

function notFound(path: string) {
  return {
    errors: [{ code: 'resource_not_found', message: 'not found', long_message: `No route for ${path}.` }],
    clerk_trace_id: 'trace_fake',
  }
}
