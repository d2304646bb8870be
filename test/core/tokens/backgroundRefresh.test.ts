import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestCache } from './createTestCache'
import { makeJwt } from './makeJwt'
import { settle, T0 } from './settle'
import { createTokenServer } from './tokenServer'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

/** A cache holding the active session's seeded token; `random` fixes the jitter (0.5 -> 1.5 s). */
function activeCache({ random = 0.5 } = {}) {
  const server = createTokenServer()
  const cache = createTestCache({ fetchToken: server.fetchToken, random: () => random })
  cache.seed('sess_1', null, makeJwt())
  cache.setActiveSession('sess_1', null)
  return { server, cache }
}

describe('background refresh', () => {
  it.each([
    { random: 0, refreshAt: 42_000 },
    { random: 0.5, refreshAt: 43_500 },
    { random: 0.999, refreshAt: 44_997 },
  ])('refreshes a 60 s token at 42 s plus jitter ($refreshAt ms)', async ({ random, refreshAt }) => {
    const { server } = activeCache({ random })
    await vi.advanceTimersByTimeAsync(refreshAt - 1)
    expect(server.requests).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(server.requests.map(r => r.at - T0)).toEqual([refreshAt])
  })

  it('serves the refreshed token without a fetch', async () => {
    const { server, cache } = activeCache()
    await vi.advanceTimersByTimeAsync(43_600)
    const refreshed = await cache.getToken({ sessionId: 'sess_1' })
    expect(server.requests).toHaveLength(1)
    expect(cache.stats()).toMatchObject({ fetches: 1, hits: 1 })
    expect(cache.peek({ sessionId: 'sess_1' })).toBe(refreshed)
  })

  it('keeps every getToken() off the network in steady state', async () => {
    const { server, cache } = activeCache({ random: 0.3 })
    for (let second = 0; second < 600; second++) {
      await cache.getToken({ sessionId: 'sess_1' })
      await vi.advanceTimersByTimeAsync(1000)
    }
    expect(cache.stats().hits).toBe(600)
    // one refresh per ~42.9 s (42 s + 0.9 s jitter + 50 ms latency)
    expect(server.requests).toHaveLength(13)
  })

  it('keeps refreshing a key that is read at least once per lifetime', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken, random: () => 0.5 })
    await settle(cache.getToken({ sessionId: 'sess_1', template: 'supabase' }))
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(30_000)
      await cache.getToken({ sessionId: 'sess_1', template: 'supabase' })
    }
    expect(cache.stats()).toMatchObject({ hits: 10, joins: 0 })
    expect(server.requests.length).toBeGreaterThanOrEqual(6)
  })

  it('lets a token nobody uses expire instead of refreshing it', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    cache.seed('sess_2', null, makeJwt({ sid: 'sess_2' }))
    await vi.advanceTimersByTimeAsync(300_000)
    expect(server.requests).toHaveLength(0)
  })

  it('stops refreshing a key once it is neither active nor read', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken, random: () => 0.5 })
    await settle(cache.getToken({ sessionId: 'sess_1' }))
    await vi.advanceTimersByTimeAsync(300_000)
    // read once at 0 s: refreshed at ~43.5 s (read within the last 60 s), not at ~87 s
    expect(server.requests).toHaveLength(2)
  })

  it('revalidates in the background when a lapsed key is read past its refresh point', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken, random: () => 0.5 })
    const seeded = makeJwt()
    cache.seed('sess_1', null, seeded)
    await vi.advanceTimersByTimeAsync(50_000)
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(seeded)
    expect(server.requests).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1600)
    expect(server.requests).toHaveLength(1)
    expect(cache.peek({ sessionId: 'sess_1' })).not.toBe(seeded)
  })

  it('moves background refresh to the new active session', async () => {
    const { server, cache } = activeCache()
    cache.seed('sess_2', 'org_1', makeJwt({ sid: 'sess_2' }))
    cache.setActiveSession('sess_2', 'org_1')
    await vi.advanceTimersByTimeAsync(100_000)
    expect(new Set(server.requests.map(r => `${r.sessionId}/${r.organizationId}`))).toEqual(new Set(['sess_2/org_1']))
  })

  it('does not refresh anything when background refresh is off', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken, backgroundRefresh: false })
    cache.seed('sess_1', null, makeJwt())
    cache.setActiveSession('sess_1', null)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(300_000)
    expect(server.requests).toHaveLength(0)
  })

  it('reports a failed background refresh and does not retry a 401', async () => {
    const server = createTokenServer()
    const errors: unknown[] = []
    const cache = createTestCache({ fetchToken: server.fetchToken, onRefreshError: error => errors.push(error) })
    cache.seed('sess_1', null, makeJwt())
    cache.setActiveSession('sess_1', null)
    server.mode = { status: 401 }
    await vi.advanceTimersByTimeAsync(300_000)
    expect(server.requests).toHaveLength(1)
    expect(errors).toMatchObject([{ status: 401 }])
  })
})

describe('refresh on focus', () => {
  function focusCache() {
    const win = new EventTarget()
    const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' })
    const server = createTokenServer()
    // jitter 0.999: the timer would fire at ~45 s, so a fetch before that came from the event
    const cache = createTestCache({ fetchToken: server.fetchToken, random: () => 0.999, window: win, document: doc })
    cache.seed('sess_1', null, makeJwt())
    cache.setActiveSession('sess_1', null)
    return { win, doc, server, cache }
  }

  it.each(['focus', 'online'])('refreshes on window %s once the token is past its refresh point', async (type) => {
    const { win, server } = focusCache()
    await vi.advanceTimersByTimeAsync(43_000)
    win.dispatchEvent(new Event(type))
    await vi.advanceTimersByTimeAsync(0)
    expect(server.requests.map(r => r.at - T0)).toEqual([43_000])
  })

  it('does not refresh on focus before the refresh point', async () => {
    const { win, server } = focusCache()
    await vi.advanceTimersByTimeAsync(30_000)
    win.dispatchEvent(new Event('focus'))
    await vi.advanceTimersByTimeAsync(0)
    expect(server.requests).toHaveLength(0)
  })

  it.each([
    { state: 'visible', fetches: 1 },
    { state: 'hidden', fetches: 0 },
  ])('on visibilitychange to $state makes $fetches fetch(es)', async ({ state, fetches }) => {
    const { doc, server } = focusCache()
    await vi.advanceTimersByTimeAsync(43_000)
    doc.visibilityState = state
    doc.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(server.requests).toHaveLength(fetches)
  })

  it('does not replace the refresh already in flight', async () => {
    const { win, server } = focusCache()
    await vi.advanceTimersByTimeAsync(45_000 - 20)
    win.dispatchEvent(new Event('focus'))
    await vi.advanceTimersByTimeAsync(10)
    win.dispatchEvent(new Event('focus'))
    await vi.advanceTimersByTimeAsync(1000)
    expect(server.requests).toHaveLength(1)
  })
})
