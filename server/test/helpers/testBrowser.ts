import type { Hono } from 'hono'
import type { AppEnv } from '../../src/appEnv'

/** What a test request answered, with the body already parsed as JSON (or kept as text). */
export interface TestResponse<T = any> {
  status: number
  headers: Headers
  body: T
}

export interface TestBrowserOptions {
  /**
   * The page origin sent as `Origin` (null sends none).
   * @default 'http://localhost:5173'
   */
  origin?: string | null
  /** A dev-browser token to send as `__clerk_db_jwt` instead of using cookies. */
  devBrowser?: string
  /** Extra headers on every request. */
  headers?: Record<string, string>
}

type Form = Record<string, string | string[] | boolean | undefined>

function encode(form: Form): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(form)) {
    if (value === undefined)
      continue
    for (const item of Array.isArray(value) ? value : [value])
      params.append(key, String(item))
  }
  return params.toString()
}

/**
 * A browser as clerk-js drives one: form bodies, only GET and POST on the wire (`_method` for the rest),
 * an `Origin` header, and a cookie jar for `__client`, all against `app.request()` in-process.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>()
  constructor(readonly app: Hono<AppEnv>, readonly options: TestBrowserOptions = {}) {}

  /** Sends one request; `method` is the logical one (PATCH/PUT/DELETE travel as POST + `_method`). */
  async send<T = any>(method: string, path: string, form?: Form, extra: { query?: Record<string, string>, headers?: Record<string, string>, body?: FormData | string } = {}): Promise<TestResponse<T>> {
    const url = new URL(path, 'http://localhost:4000')
    for (const [key, value] of Object.entries(extra.query ?? {}))
      url.searchParams.set(key, value)
    if (this.options.devBrowser)
      url.searchParams.set('__clerk_db_jwt', this.options.devBrowser)
    const wire = method === 'GET' ? 'GET' : 'POST'
    if (wire !== method)
      url.searchParams.set('_method', method)
    const headers = new Headers({ ...this.options.headers, ...extra.headers })
    const origin = this.options.origin === undefined ? 'http://localhost:5173' : this.options.origin
    if (origin && wire === 'POST' && !headers.has('origin'))
      headers.set('origin', origin)
    if (this.cookies.size > 0)
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    let body: string | FormData | undefined
    if (wire === 'POST' && extra.body !== undefined) {
      // FormData: fetch writes the multipart content type with its boundary
      body = extra.body
    }
    else if (wire === 'POST') {
      headers.set('content-type', headers.get('content-type') ?? 'application/x-www-form-urlencoded')
      body = encode(form ?? {})
    }
    const res = await this.app.request(url.toString(), { method: wire, headers, body })
    for (const cookie of res.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq).trim()
      const value = pair!.slice(eq + 1).trim()
      const expired = attributes.some(attribute => /^\s*max-age=0\s*$/i.test(attribute))
      if (expired || value === '')
        this.cookies.delete(name)
      else
        this.cookies.set(name, value)
    }
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    }
    catch {}
    return { status: res.status, headers: res.headers, body: parsed as T }
  }

  get<T = any>(path: string, query?: Record<string, string>) {
    return this.send<T>('GET', path, undefined, { query })
  }

  post<T = any>(path: string, form?: Form, query?: Record<string, string>) {
    return this.send<T>('POST', path, form, { query })
  }

  patch<T = any>(path: string, form?: Form, query?: Record<string, string>) {
    return this.send<T>('PATCH', path, form, { query })
  }

  put<T = any>(path: string, form?: Form) {
    return this.send<T>('PUT', path, form)
  }

  /** Sends a file upload as clerk-js does: `FormData` (multipart), or a string with its content type. */
  upload<T = any>(method: 'POST' | 'PUT', path: string, body: FormData | string, contentType = 'application/octet-stream') {
    return this.send<T>(method, path, undefined, { body, headers: typeof body === 'string' ? { 'content-type': contentType } : {} })
  }

  delete<T = any>(path: string, query?: Record<string, string>) {
    return this.send<T>('DELETE', path, undefined, { query })
  }
}
