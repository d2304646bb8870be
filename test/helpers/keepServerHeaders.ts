// happy-dom's fetch classes behave like a browser's: a Request drops `Cookie` and `Origin`, a
// Response drops `Set-Cookie`. Component tests also run the real server in-process through those
// classes (its test browser keeps a cookie jar and sends `Origin`), so put those headers back.
// The client project loads this module before every test file (`setupFiles` in vite.config.ts).

const SERVER_HEADERS = ['cookie', 'origin']

function copyHeaders(target: Headers, source: HeadersInit | undefined, names: readonly string[]): void {
  if (!source)
    return
  const entries = source instanceof Headers ? [...source.entries()] : Array.isArray(source) ? source : Object.entries(source)
  for (const [name, value] of entries) {
    if (names.includes(name.toLowerCase()))
      target.set(name, value)
  }
}

const BrowserRequest = globalThis.Request
const BrowserResponse = globalThis.Response

class ServerRequest extends BrowserRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init)
    if (input instanceof BrowserRequest)
      copyHeaders(this.headers, input.headers, SERVER_HEADERS)
    copyHeaders(this.headers, init?.headers, SERVER_HEADERS)
  }
}

class ServerResponse extends BrowserResponse {
  constructor(body?: BodyInit | null, init?: ResponseInit) {
    super(body, init)
    if (!init?.headers)
      return
    const cookies = new Headers(init.headers).getSetCookie()
    for (const cookie of cookies)
      this.headers.append('set-cookie', cookie)
  }
}

// Node's own classes (test files under `@vitest-environment node`) keep them: leave those alone
if (!new BrowserRequest('http://localhost/', { headers: { cookie: 'probe=1' } }).headers.has('cookie'))
  globalThis.Request = ServerRequest as typeof Request
if (!new BrowserResponse(null, { headers: { 'set-cookie': 'probe=1' } }).headers.has('set-cookie'))
  globalThis.Response = ServerResponse as typeof Response
