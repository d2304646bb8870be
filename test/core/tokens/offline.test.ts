import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestCache } from './createTestCache'
import { makeJwt } from './makeJwt'
import { settle, T0 } from './settle'
import { ClerkOfflineError, createTokenServer } from './tokenServer'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

/** A cache with the seeded token of session 1 and an endpoint that is down. */
function offlineCache(options: { active?: boolean } = {}) {
  const server = createTokenServer()
  const cache = createTestCache({ fetchToken: server.fetchToken, random: () => 0.5 })
  const seeded = makeJwt()
  cache.seed('sess_1', null, seeded)
  if (options.active)
    cache.setActiveSession('sess_1', null)
  server.mode = 'offline'
  return { server, cache, seeded }
}

describe('offline', () => {
  it('returns the cached token, still valid, when the refresh fails with a network error', async () => {
    const { server, cache, seeded } = offlineCache()
    await vi.advanceTimersByTimeAsync(57_000)
    expect(await settle(cache.getToken({ sessionId: 'sess_1' }))).toBe(seeded)
    expect(server.requests).toHaveLength(1)
  })

  it('returns the cached token when a skipCache fetch fails with a network error', async () => {
    const { cache, seeded } = offlineCache()
    expect(await settle(cache.getToken({ sessionId: 'sess_1', skipCache: true }))).toBe(seeded)
  })

  it('propagates the network error when nothing is cached', async () => {
    const { cache } = offlineCache()
    await expect(settle(cache.getToken({ sessionId: 'sess_2' }))).rejects.toBeInstanceOf(ClerkOfflineError)
  })

  it('propagates the network error once the cached token has expired', async () => {
    const { cache } = offlineCache()
    await vi.advanceTimersByTimeAsync(60_000)
    await expect(settle(cache.getToken({ sessionId: 'sess_1' }))).rejects.toBeInstanceOf(ClerkOfflineError)
  })

  it('recognises offline errors with an injected predicate', async () => {
    const cache = createTestCache({
      fetchToken: () => Promise.reject(new TypeError('Failed to fetch')),
      isOfflineError: error => error instanceof TypeError,
    })
    const seeded = makeJwt()
    cache.seed('sess_1', null, seeded)
    expect(await cache.getToken({ sessionId: 'sess_1', skipCache: true })).toBe(seeded)
  })

  it.each([503, 429])('falls back to the cached token on a %i', async (status) => {
    const { server, cache, seeded } = offlineCache()
    server.mode = { status }
    expect(await settle(cache.getToken({ sessionId: 'sess_1', skipCache: true }))).toBe(seeded)
  })

  it('propagates a 401 even with a valid token cached: signing out is the caller\'s decision', async () => {
    const { server, cache } = offlineCache()
    server.mode = { status: 401 }
    await expect(settle(cache.getToken({ sessionId: 'sess_1', skipCache: true }))).rejects.toMatchObject({ status: 401 })
  })

  it('retries the background refresh with capped, bounded backoff', async () => {
    const { server } = offlineCache({ active: true })
    await vi.advanceTimersByTimeAsync(3_600_000)
    const starts = server.requests.map(r => r.at - T0)
    expect(starts[0]).toBe(43_500)
    // each retry waits its delay after the 50 ms failure: 2, 4, 8, 16, then 30 s (capped), 8 retries in all
    expect(starts.slice(1).map((at, i) => at - starts[i]! - 50)).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000])
  })

  it('keeps the token through the outage and resumes refreshing when the network returns', async () => {
    const win = new EventTarget()
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken, random: () => 0.5, window: win })
    const seeded = makeJwt()
    cache.seed('sess_1', null, seeded)
    cache.setActiveSession('sess_1', null)
    server.mode = 'offline'
    await vi.advanceTimersByTimeAsync(50_000)
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(seeded)
    await vi.advanceTimersByTimeAsync(600_000)
    const failed = server.requests.length
    server.mode = 'online'
    win.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(100)
    expect(server.requests).toHaveLength(failed + 1)
    expect(cache.peek({ sessionId: 'sess_1' })).not.toBeNull()
    await vi.advanceTimersByTimeAsync(45_000)
    expect(server.requests).toHaveLength(failed + 2)
  })

  it('starts the backoff after a failed getToken() on an empty cache', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    server.mode = 'offline'
    await expect(settle(cache.getToken({ sessionId: 'sess_1' }))).rejects.toBeInstanceOf(ClerkOfflineError)
    server.mode = 'online'
    await vi.advanceTimersByTimeAsync(2000)
    expect(server.requests).toHaveLength(2)
    expect(cache.peek({ sessionId: 'sess_1' })).not.toBeNull()
  })
})
