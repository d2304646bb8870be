import type { PorticoConfigInput } from '../../server/src/config'
import type { ClerkOptions } from '../../src/core'
import { afterEach } from 'vitest'
import { createApp } from '../../server/src/app'
import { defineConfig } from '../../server/src/config'
import { createDb } from '../../server/src/db/createDb'
import { migrate } from '../../server/src/db/migrate'
import { silentLogger } from '../../server/src/utils/logger'
import { Clerk } from '../../src/core'

/** The origin the test "app" runs on; the Frontend API sits behind its `/__clerk` proxy, as in the playground. */
export const APP_ORIGIN = 'http://localhost:5173'
/** The proxy URL every test Clerk uses. */
export const PROXY_URL = `${APP_ORIGIN}/__clerk`

/** One simulated browser: a fetch with its own cookie jar, sending `Origin` on mutating calls like a browser does. */
export interface TestBrowser {
  fetch: typeof globalThis.fetch
  /** The cookies the server set (name -> value), e.g. `__client`. */
  cookies: Map<string, string>
  /** Every request that went through this browser's fetch, as `METHOD /path` (logical method). */
  requests: string[]
  /** While true, every request fails like a dropped connection (fetch's `TypeError`). */
  offline: boolean
}

/** A real portico-server app on an in-memory SQLite database. */
export interface TestServer {
  app: ReturnType<typeof createApp>
  config: ReturnType<typeof defineConfig>
  /** A fresh browser (empty cookie jar). */
  browser: () => TestBrowser
  /** The newest one-time code mailed to `email`, read from the dev inbox (`/dev/inbox.json`). */
  latestCode: (email: string) => Promise<string>
  /** Moves the server's clock forward (codes, tokens and sessions age; nothing else waits). */
  advance: (ms: number) => void
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse())
    await cleanup()
})

/**
 * Starts a production-mode server (cookie identity, Origin allow-list) with the dev inbox on, so tests
 * can read the codes it mails. Everything is torn down after the test.
 */
export async function createTestServer(config: PorticoConfigInput = {}): Promise<TestServer> {
  const db = await createDb({ url: 'sqlite::memory:' })
  await migrate(db)
  cleanups.push(() => db.destroy())
  const resolved = defineConfig({
    instanceType: 'production',
    publicUrl: APP_ORIGIN,
    allowedOrigins: [APP_ORIGIN],
    devInbox: true,
    ...config,
  })
  let offset = 0
  const app = createApp({ db, config: resolved, clock: () => Date.now() + offset, logger: silentLogger })

  function browser(): TestBrowser {
    const cookies = new Map<string, string>()
    const requests: string[] = []
    const network = { offline: false }
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (network.offline)
        throw new TypeError('fetch failed')
      const outgoing = new Request(input, init)
      const url = new URL(outgoing.url)
      // what the app's dev-server proxy does: strip its prefix before forwarding
      url.pathname = url.pathname.replace(/^\/__clerk(?=\/)/, '')
      const headers = new Headers(outgoing.headers)
      if (cookies.size > 0)
        headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '))
      const hasBody = outgoing.method !== 'GET' && outgoing.method !== 'HEAD'
      if (hasBody)
        headers.set('origin', APP_ORIGIN)
      requests.push(`${url.searchParams.get('_method') ?? outgoing.method} ${url.pathname}`)
      const response = await app.fetch(new Request(url, {
        method: outgoing.method,
        headers,
        body: hasBody ? await outgoing.arrayBuffer() : undefined,
      }))
      storeCookies(cookies, response.headers.getSetCookie())
      return response
    }
    return {
      fetch,
      cookies,
      requests,
      get offline() {
        return network.offline
      },
      set offline(value) {
        network.offline = value
      },
    }
  }

  async function latestCode(email: string): Promise<string> {
    const response = await app.fetch(new Request(`${APP_ORIGIN}/dev/inbox.json`))
    const { messages } = await response.json() as { messages: { to: string, code?: string | null }[] }
    // oldest first: the last one is the code the user would type now
    const code = messages.filter(message => message.to === email && message.code).at(-1)?.code
    if (!code)
      throw new Error(`no code was mailed to ${email}`)
    return code
  }

  return {
    app,
    config: resolved,
    browser,
    latestCode,
    advance: (ms) => {
      offset += ms
    },
  }
}

/** Options of `createTestClerk`: any Clerk option, plus the browser it runs in. */
export interface TestClerkOptions extends ClerkOptions {
  /** Share a browser (cookie jar) between Clerks, like two tabs. @default a new browser */
  browser?: TestBrowser
}

/** A Clerk wired to the test server through `browser.fetch`, with in-app navigations recorded. */
export interface TestClerk {
  clerk: Clerk
  browser: TestBrowser
  /** Every path handed to `routerPush`/`routerReplace`. */
  navigations: string[]
}

/** Creates (but does not load) a Clerk talking to `server`; destroyed after the test. */
export function createTestClerk(server: TestServer, options: TestClerkOptions = {}): TestClerk {
  const { browser = server.browser(), ...clerkOptions } = options
  const navigations: string[] = []
  const clerk = new Clerk(undefined, {
    proxyUrl: PROXY_URL,
    fetch: browser.fetch,
    window: null,
    routerPush: to => navigations.push(to),
    routerReplace: to => navigations.push(to),
    tokenCache: { backgroundRefresh: false, BroadcastChannel: null, window: null, document: null },
    ...clerkOptions,
  })
  cleanups.push(() => clerk.destroy())
  return { clerk, browser, navigations }
}

function storeCookies(jar: Map<string, string>, setCookies: string[]): void {
  for (const header of setCookies) {
    const [pair = '', ...attributes] = header.split(';')
    const eq = pair.indexOf('=')
    if (eq <= 0)
      continue
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    const expired = attributes.some((attribute) => {
      const [key = '', raw = ''] = attribute.split('=')
      const attr = key.trim().toLowerCase()
      return (attr === 'max-age' && Number(raw) <= 0) || (attr === 'expires' && Date.parse(raw) <= Date.now())
    })
    if (expired || value === '')
      jar.delete(name)
    else
      jar.set(name, value)
  }
}
