// @vitest-environment node
import type { Resources } from '../../../src/core'
import type { BroadcastChannelConstructor } from '../../../src/core/tokens'
import type { TestBrowser, TestClerkOptions, TestServer } from '../../helpers/createTestClerk'
import { flushPromises } from '@vue/test-utils'
import { Window } from 'happy-dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Clerk } from '../../../src/core'
import { APP_ORIGIN, createTestClerk, createTestServer, PROXY_URL } from '../../helpers/createTestClerk'
import { signUpTestUser, TEST_PASSWORD } from '../../helpers/signUpTestUser'

// Two tabs of one browser: two Clerks sharing a cookie jar, joined by Node's real BroadcastChannel
// (a fresh channel name per test, so no test hears another).

let channelCount = 0

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** A BroadcastChannel that notes, as it happens, what its tab posts and when it closes. */
function recorder(tab: string, log: string[]): BroadcastChannelConstructor {
  return class extends BroadcastChannel {
    override postMessage(message: unknown): void {
      log.push(`${tab} posts`)
      super.postMessage(message)
    }

    override close(): void {
      log.push(`${tab} closes`)
      super.close()
    }
  }
}

/** Resolves with the next state `clerk` tells its listeners about. */
function nextState(clerk: Clerk): Promise<Resources> {
  return new Promise((resolve) => {
    const off = clerk.addListener((resources) => {
      off()
      resolve(resources)
    }, { skipInitialEmit: true })
  })
}

/** Resolves once `clerk`'s state satisfies `predicate`, now or after a later change. */
function until(clerk: Clerk, predicate: (resources: Resources) => boolean): Promise<Resources> {
  return new Promise((resolve) => {
    const off = clerk.addListener((resources) => {
      if (!predicate(resources))
        return
      resolve(resources)
      queueMicrotask(() => off())
    })
  })
}

const clientReads = (browser: TestBrowser): number => browser.requests.filter(request => request === 'GET /v1/client').length

/** Users that exist on `server`, signed out (each signed up in a browser of its own). */
async function createUsers(server: TestServer, ...emails: string[]): Promise<void> {
  for (const email of emails)
    await (await signUpTestUser(server, email)).clerk.signOut()
}

/** Two loaded tabs of one browser on one channel; `log` records what each posts. */
async function twoTabs(server: TestServer, options: TestClerkOptions = {}) {
  const browser = server.browser()
  const log: string[] = []
  const channelName = `portico:test-client:${++channelCount}`
  const open = (tab: string) => createTestClerk(server, { browser, tabSync: { BroadcastChannel: recorder(tab, log), channelName }, ...options }).clerk
  const a = open('A')
  const b = open('B')
  await Promise.all([a.load(), b.load()])
  return { browser, log, a, b }
}

async function signIn(clerk: Clerk, email: string): Promise<string> {
  const signIn = await clerk.client!.signIn.create({ identifier: email, password: TEST_PASSWORD })
  await clerk.setActive({ session: signIn.createdSessionId })
  return signIn.createdSessionId!
}

/**
 * A multi-session server and two tabs: tab A signs Ada in (tab B follows), then adds Bob. A ends on
 * Bob, B keeps Ada; both list the two sessions.
 */
async function twoAccountsInTwoTabs() {
  const server = await createTestServer({ sessionMode: 'multi' })
  await createUsers(server, 'ada@example.com', 'bob@example.com')
  const tabs = await twoTabs(server)
  const ada = await signIn(tabs.a, 'ada@example.com')
  await until(tabs.b, ({ session }) => session?.id === ada)
  const bob = await signIn(tabs.a, 'bob@example.com')
  await until(tabs.b, ({ client }) => client.signedInSessions.length === 2)
  return { ...tabs, ada, bob }
}

/** True once `b` holds the client `a` last saw (the server bumps `updated_at` on every switch). */
const caughtUpWith = (a: Clerk) => ({ client }: Resources): boolean => client.updatedAt?.getTime() === a.client!.updatedAt?.getTime()

describe('a second tab', () => {
  it('follows a sign-in made in the first', async () => {
    const server = await createTestServer()
    await createUsers(server, 'ada@example.com')
    const { a, b } = await twoTabs(server)
    expect(b.isSignedIn).toBe(false)

    const followed = nextState(b)
    const sessionId = await signIn(a, 'ada@example.com')
    const { session, user } = await followed
    expect(session?.id).toBe(sessionId)
    expect(user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com')
    expect(b.isSignedIn).toBe(true)
  })

  it('follows a sign-out of every account made in the first', async () => {
    const { a, b } = await twoAccountsInTwoTabs()
    await a.signOut()
    const { client } = await until(b, ({ session }) => session === null)
    expect(client.signedInSessions).toEqual([])
    expect(b.isSignedIn).toBe(false)
  })

  it('keeps its own current session when the first adds an account', async () => {
    const { a, b, ada, bob } = await twoAccountsInTwoTabs()
    expect(a.session?.id).toBe(bob)
    expect(b.session?.id).toBe(ada)
    expect(b.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com')
  })

  it('keeps its own current session when the first switches accounts', async () => {
    const { a, b, ada, bob } = await twoAccountsInTwoTabs()
    await b.setActive({ session: bob })
    await a.setActive({ session: ada })
    await until(b, caughtUpWith(a))
    expect(a.session?.id).toBe(ada)
    expect(b.session?.id).toBe(bob)
    expect(b.user?.primaryEmailAddress?.emailAddress).toBe('bob@example.com')
  })

  it('falls back to the last active session when the first signs its current one out', async () => {
    const { a, b, ada, bob } = await twoAccountsInTwoTabs()
    await a.signOut({ sessionId: ada })
    const { session } = await until(b, ({ client }) => client.signedInSessions.length === 1)
    expect(session?.id).toBe(bob)
    expect(b.user?.primaryEmailAddress?.emailAddress).toBe('bob@example.com')
  })

  it('re-reads the client once, tells its listeners once and announces nothing back (no echo)', async () => {
    const server = await createTestServer()
    await createUsers(server, 'ada@example.com')
    const { a, b, browser, log } = await twoTabs(server)
    const readsBefore = clientReads(browser)
    const states: Resources[] = []
    b.addListener(resources => states.push(resources), { skipInitialEmit: true })

    const followed = nextState(b)
    await signIn(a, 'ada@example.com')
    await followed
    await flushPromises()
    // the channel records posts as they are made: B never posted, so A had nothing to re-read
    expect(log).toEqual(['A posts'])
    expect(clientReads(browser) - readsBefore).toBe(1)
    expect(states).toHaveLength(1)
  })
})

describe('the focus fallback (no BroadcastChannel)', () => {
  /** Tab B has no channel, only a window and a document whose events the test fires. */
  async function tabWithoutChannel() {
    vi.useFakeTimers({ toFake: ['Date'] })
    const server = await createTestServer()
    await createUsers(server, 'ada@example.com')
    const browser = server.browser()
    const win = new EventTarget()
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' })
    const { clerk: a } = createTestClerk(server, { browser })
    const { clerk: b } = createTestClerk(server, { browser, tabSync: { BroadcastChannel: null, window: win, document: doc } })
    await Promise.all([a.load(), b.load()])
    await signIn(a, 'ada@example.com')
    // the tab was just loaded: the first focus after that is only worth a request a few seconds on
    vi.setSystemTime(Date.now() + 5000)
    return { browser, win, doc, a, b }
  }

  it('re-reads the client when the window gets the focus back', async () => {
    const { win, b } = await tabWithoutChannel()
    expect(b.isSignedIn).toBe(false)
    const followed = nextState(b)
    win.dispatchEvent(new Event('focus'))
    expect((await followed).session).not.toBeNull()
  })

  it('re-reads the client when the page becomes visible, not when it is hidden', async () => {
    const { browser, doc, b } = await tabWithoutChannel()
    const readsBefore = clientReads(browser)
    doc.visibilityState = 'hidden'
    doc.dispatchEvent(new Event('visibilitychange'))
    await flushPromises()
    expect(clientReads(browser)).toBe(readsBefore)

    const followed = nextState(b)
    doc.visibilityState = 'visible'
    doc.dispatchEvent(new Event('visibilitychange'))
    await followed
    expect(b.isSignedIn).toBe(true)
  })

  it('re-reads at most once per five seconds', async () => {
    const { browser, win, a, b } = await tabWithoutChannel()
    const signedIn = nextState(b)
    win.dispatchEvent(new Event('focus'))
    await signedIn
    const readsAfterFirst = clientReads(browser)

    await a.signOut()
    vi.setSystemTime(Date.now() + 4000)
    win.dispatchEvent(new Event('focus'))
    await flushPromises()
    expect(clientReads(browser)).toBe(readsAfterFirst)
    expect(b.isSignedIn).toBe(true)

    vi.setSystemTime(Date.now() + 1000)
    const signedOut = nextState(b)
    win.dispatchEvent(new Event('focus'))
    await signedOut
    expect(b.isSignedIn).toBe(false)
    expect(clientReads(browser)).toBe(readsAfterFirst + 1)
  })
})

describe('opening and closing the channel', () => {
  /** Replaces the global BroadcastChannel with a recording one and returns the names opened. */
  function recordOpenedChannels(): string[] {
    const opened: string[] = []
    vi.stubGlobal('BroadcastChannel', class extends BroadcastChannel {
      constructor(name: string) {
        super(name)
        opened.push(name)
      }
    })
    return opened
  }

  it.each([
    ['without a window (SSR)', undefined, []],
    ['with a window', 'window', ['portico:client']],
  ])('opens the global channel only in a browser: %s', async (_, withWindow, expected) => {
    const opened = recordOpenedChannels()
    const win = withWindow ? new Window({ url: `${APP_ORIGIN}/` }) : undefined
    const clerk = new Clerk(undefined, {
      proxyUrl: PROXY_URL,
      window: win as unknown as globalThis.Window | undefined,
      tokenCache: { backgroundRefresh: false, BroadcastChannel: null, window: null, document: null },
    })
    clerk.destroy()
    await win?.happyDOM.close()
    expect(opened).toEqual(expected)
  })

  it('closes the channel on destroy()', async () => {
    const server = await createTestServer()
    const { a, b, log } = await twoTabs(server)
    a.destroy()
    expect(log).toEqual(['A closes'])
    b.destroy()
    expect(log).toEqual(['A closes', 'B closes'])
  })
})
