import type { TokenCacheOptions } from '../../../src/core/tokens'
import type { TokenServer } from './tokenServer'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestCache } from './createTestCache'
import { makeJwt } from './makeJwt'
import { mulberry32 } from './mulberry32'
import { settle, T0 } from './settle'
import { createTokenServer } from './tokenServer'

// Node 20's BroadcastChannel is the real thing: messages cross between the two caches through
// the event loop, which vitest's async timer advance yields to after every timer.

let channelName: string
let channelCount = 0

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(T0)
  channelName = `portico:test:${++channelCount}`
})
afterEach(() => {
  vi.useRealTimers()
})

/** One browser tab: a cache on the shared channel, with its own jitter. */
function openTab(server: TokenServer, seed: number, options: Partial<TokenCacheOptions> = {}) {
  return createTestCache({
    fetchToken: server.fetchToken,
    random: mulberry32(seed),
    BroadcastChannel: globalThis.BroadcastChannel,
    channelName,
    ...options,
  })
}

/** Lets Node deliver pending channel messages (a faked timer turn yields to the real event loop). */
async function deliver(): Promise<void> {
  setTimeout(() => {}, 1)
  await vi.advanceTimersByTimeAsync(1)
}

describe('sharing between tabs', () => {
  it('seeds a token fetched in one tab into the other', async () => {
    const server = createTokenServer()
    const a = openTab(server, 1)
    const b = openTab(server, 2)
    const sources: string[] = []
    b.onToken(update => sources.push(update.source))
    const jwt = await settle(a.getToken({ sessionId: 'sess_1', organizationId: 'org_1' }))
    await deliver()
    expect(await b.getToken({ sessionId: 'sess_1', organizationId: 'org_1' })).toBe(jwt)
    expect(server.requests).toHaveLength(1)
    expect(sources).toEqual(['broadcast'])
  })

  it('does not let a stale token from another tab replace a fresher one', async () => {
    const server = createTokenServer()
    const a = openTab(server, 1)
    const b = openTab(server, 2)
    const fresh = makeJwt({ iat: T0 / 1000 })
    b.seed('sess_1', null, fresh)
    await deliver()
    a.seed('sess_1', null, makeJwt({ iat: T0 / 1000 - 20 }))
    await deliver()
    expect(b.peek({ sessionId: 'sess_1' })).toBe(fresh)
    expect(a.peek({ sessionId: 'sess_1' })).toBe(fresh)
  })

  it('ignores malformed messages on the channel', async () => {
    const server = createTokenServer()
    const a = openTab(server, 1)
    const intruder = new BroadcastChannel(channelName)
    intruder.postMessage({ type: 'token', sessionId: 'sess_1', template: null, organizationId: null, jwt: 'x.y.z', ageMs: 0 })
    intruder.postMessage({ type: 'token', sessionId: 'sess_1' })
    intruder.postMessage('hello')
    await deliver()
    intruder.close()
    expect(a.peek({ sessionId: 'sess_1' })).toBeNull()
  })
})

describe('refresh across tabs', () => {
  /** Two tabs on the same active session, both seeded with the same token. */
  async function twoActiveTabs(withChannel: boolean) {
    const server = createTokenServer({ latencyMs: 80 })
    const options = withChannel ? {} : { BroadcastChannel: null }
    const tabs = [openTab(server, 11, options), openTab(server, 29, options)]
    const seeded = makeJwt()
    for (const tab of tabs) {
      tab.seed('sess_1', null, seeded)
      tab.setActiveSession('sess_1', null)
    }
    await deliver()
    return { server, tabs }
  }

  it('makes at most one refresh per token lifetime across both tabs', async () => {
    const { server, tabs } = await twoActiveTabs(true)
    for (let second = 0; second < 600; second++) {
      await Promise.all(tabs.map(tab => tab.getToken({ sessionId: 'sess_1' })))
      await vi.advanceTimersByTimeAsync(1000)
    }
    const starts = server.requests.map(r => r.at)
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!)
    // a new token arrives only ~42-45 s into its predecessor's 60 s life: one fetch per lifetime
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(42_000)
    expect(server.requests.length).toBeLessThanOrEqual(Math.ceil(600 / 42))
    expect(tabs.map(tab => tab.stats().hits)).toEqual([600, 600])
    expect(tabs[0]!.peek({ sessionId: 'sess_1' })).toBe(tabs[1]!.peek({ sessionId: 'sess_1' }))
  })

  it('lets each tab refresh on its own without a channel (the bound above is the channel\'s doing)', async () => {
    const { server } = await twoActiveTabs(false)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(server.requests.length).toBeGreaterThan(Math.ceil(600 / 42))
  })

  it('holds off while another tab\'s refresh is in flight', async () => {
    const server = createTokenServer({ latencyMs: 80 })
    // a refreshes at 42.00 s, b would at 42.06 s: before a's answer arrives
    const a = openTab(server, 1, { random: () => 0 })
    const b = openTab(server, 2, { random: () => 0.02 })
    for (const tab of [a, b]) {
      tab.seed('sess_1', null, makeJwt())
      tab.setActiveSession('sess_1', null)
    }
    await vi.advanceTimersByTimeAsync(50_000)
    expect(server.requests.map(r => r.at - T0)).toEqual([42_000])
  })

  it('is not a lock: when the claiming tab never answers, the other refreshes after the hold', async () => {
    const stuck = createTokenServer()
    stuck.mode = 'hang'
    const healthy = createTokenServer()
    const a = openTab(stuck, 1, { random: () => 0 })
    const b = openTab(healthy, 2, { random: () => 0.5 })
    const seeded = makeJwt()
    for (const tab of [a, b]) {
      tab.seed('sess_1', null, seeded)
      tab.setActiveSession('sess_1', null)
    }
    await vi.advanceTimersByTimeAsync(60_000)
    // a claims at 42 s and hangs; b postpones its 43.5 s refresh to 47 s, then refreshes
    expect(stuck.requests.map(r => r.at - T0)).toEqual([42_000])
    expect(healthy.requests.map(r => r.at - T0)).toEqual([47_000])
    expect(a.peek({ sessionId: 'sess_1' })).toBe(b.peek({ sessionId: 'sess_1' }))
    expect(a.peek({ sessionId: 'sess_1' })).not.toBe(seeded)
  })
})
