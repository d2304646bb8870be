import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestCache } from './createTestCache'
import { claimsOf, makeJwt } from './makeJwt'
import { settle, T0 } from './settle'
import { createTokenServer } from './tokenServer'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('getToken', () => {
  it('fetches on a miss with the normalised request', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const jwt = await settle(cache.getToken({ sessionId: 'sess_1' }))
    expect(claimsOf(jwt).sid).toBe('sess_1')
    expect(server.requests).toEqual([{ sessionId: 'sess_1', template: null, organizationId: null, skipCache: false, at: T0 }])
  })

  it('serves the next call from the cache', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const first = await settle(cache.getToken({ sessionId: 'sess_1' }))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(first)
    expect(server.requests).toHaveLength(1)
    expect(cache.stats()).toEqual({ fetches: 1, hits: 1, joins: 0 })
  })

  it.each([
    { elapsedMs: 54_000, fetches: 0 },
    { elapsedMs: 54_999, fetches: 0 },
    { elapsedMs: 55_000, fetches: 1 },
    { elapsedMs: 59_000, fetches: 1 },
  ])('with $elapsedMs ms of a 60 s token gone, makes $fetches fetch(es) (5 s margin)', async ({ elapsedMs, fetches }) => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken, backgroundRefresh: false })
    cache.seed('sess_1', null, makeJwt())
    vi.advanceTimersByTime(elapsedMs)
    await settle(cache.getToken({ sessionId: 'sess_1' }))
    expect(server.requests).toHaveLength(fetches)
  })

  it('shares one request among 1,000 concurrent calls', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const calls = Array.from({ length: 1000 }, () => cache.getToken({ sessionId: 'sess_1' }))
    const tokens = await settle(Promise.all(calls))
    expect(server.requests).toHaveLength(1)
    expect(new Set(tokens).size).toBe(1)
    expect(cache.stats()).toEqual({ fetches: 1, hits: 0, joins: 999 })
  })

  it('shares one request among callers that arrive while it is in flight', async () => {
    const server = createTokenServer({ latencyMs: 200 })
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const first = cache.getToken({ sessionId: 'sess_1' })
    await vi.advanceTimersByTimeAsync(150)
    const second = cache.getToken({ sessionId: 'sess_1' })
    await vi.advanceTimersByTimeAsync(100)
    expect(await second).toBe(await first)
    expect(server.requests).toHaveLength(1)
  })

  it('fetches with skipCache even when a good token is cached', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const seeded = makeJwt({ iat: T0 / 1000 - 1 })
    cache.seed('sess_1', null, seeded)
    const fresh = await settle(cache.getToken({ sessionId: 'sess_1', skipCache: true }))
    expect(fresh).not.toBe(seeded)
    expect(server.requests.map(r => r.skipCache)).toEqual([true])
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(fresh)
  })

  it('takes a skipCache answer issued in the same second as the cached token (a role change must show)', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const first = await settle(cache.getToken({ sessionId: 'sess_1' }))
    const fresh = await settle(cache.getToken({ sessionId: 'sess_1', skipCache: true }))
    expect(claimsOf(fresh).iat).toBe(claimsOf(first).iat)
    expect(fresh).not.toBe(first)
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(fresh)
  })

  it('keeps the cached token when a seed or another tab offers one issued in the same second', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const fetched = await settle(cache.getToken({ sessionId: 'sess_1' }))
    expect(cache.seed('sess_1', null, makeJwt({ iat: claimsOf(fetched).iat as number }))).toBe(false)
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(fetched)
  })

  it('shares one request among concurrent skipCache calls', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const calls = Array.from({ length: 50 }, () => cache.getToken({ sessionId: 'sess_1', skipCache: true }))
    expect(new Set(await settle(Promise.all(calls))).size).toBe(1)
    expect(server.requests).toHaveLength(1)
  })

  it('does not let a skipCache call join an ordinary request that started before it', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const ordinary = cache.getToken({ sessionId: 'sess_1' })
    const forced = cache.getToken({ sessionId: 'sess_1', skipCache: true })
    await settle(Promise.all([ordinary, forced]))
    expect(server.requests.map(r => r.skipCache)).toEqual([false, true])
  })

  it('lets an ordinary call on an empty cache join a skipCache request in flight', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const forced = cache.getToken({ sessionId: 'sess_1', skipCache: true })
    const ordinary = cache.getToken({ sessionId: 'sess_1' })
    const [a, b] = await settle(Promise.all([forced, ordinary]))
    expect(a).toBe(b)
    expect(server.requests).toHaveLength(1)
  })

  it('keeps session, template and organization tokens apart', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const keys = [
      { sessionId: 'sess_1' },
      { sessionId: 'sess_1', template: 'supabase' },
      { sessionId: 'sess_1', organizationId: 'org_1' },
      { sessionId: 'sess_1', template: 'supabase', organizationId: 'org_1' },
      { sessionId: 'sess_2' },
    ]
    const first = await settle(Promise.all(keys.map(key => cache.getToken(key))))
    const again = await Promise.all(keys.map(key => cache.getToken(key)))
    expect(new Set(first).size).toBe(keys.length)
    expect(again).toEqual(first)
    expect(server.requests.map(({ sessionId, template, organizationId }) => [sessionId, template, organizationId])).toEqual([
      ['sess_1', null, null],
      ['sess_1', 'supabase', null],
      ['sess_1', null, 'org_1'],
      ['sess_1', 'supabase', 'org_1'],
      ['sess_2', null, null],
    ])
  })

  it.each([undefined, null, ''])('treats organizationId %j as the personal account', async (organizationId) => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const seeded = makeJwt()
    cache.seed('sess_1', null, seeded)
    expect(await cache.getToken({ sessionId: 'sess_1', organizationId, template: '' })).toBe(seeded)
    expect(server.requests).toHaveLength(0)
  })

  it('rejects a response that is not a JWT, and caches nothing', async () => {
    const cache = createTestCache({ fetchToken: async () => 'not-a-jwt' })
    await expect(cache.getToken({ sessionId: 'sess_1' })).rejects.toThrow(/not a JWT/)
    expect(cache.peek({ sessionId: 'sess_1' })).toBeNull()
  })

  it('rejects once the cache is destroyed', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    cache.destroy()
    await expect(cache.getToken({ sessionId: 'sess_1' })).rejects.toThrow(/destroyed/)
    expect(server.requests).toHaveLength(0)
  })
})

describe('peek', () => {
  it('returns a cached token with more than the margin left, without fetching', () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken, backgroundRefresh: false })
    const jwt = makeJwt()
    expect(cache.peek({ sessionId: 'sess_1' })).toBeNull()
    cache.seed('sess_1', null, jwt)
    expect(cache.peek({ sessionId: 'sess_1' })).toBe(jwt)
    vi.advanceTimersByTime(55_000)
    expect(cache.peek({ sessionId: 'sess_1' })).toBeNull()
    expect(server.requests).toHaveLength(0)
  })
})

describe('clear', () => {
  it('drops one session and keeps the others', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    cache.seed('sess_1', null, makeJwt({ sid: 'sess_1' }))
    cache.seed('sess_2', null, makeJwt({ sid: 'sess_2' }))
    cache.clear('sess_1')
    expect(cache.peek({ sessionId: 'sess_1' })).toBeNull()
    expect(cache.peek({ sessionId: 'sess_2' })).not.toBeNull()
  })

  it('drops every session when called without an id', () => {
    const cache = createTestCache({ fetchToken: createTokenServer().fetchToken })
    cache.seed('sess_1', null, makeJwt({ sid: 'sess_1' }))
    cache.seed('sess_2', 'org_1', makeJwt({ sid: 'sess_2' }))
    cache.clear()
    expect(cache.peek({ sessionId: 'sess_1' })).toBeNull()
    expect(cache.peek({ sessionId: 'sess_2', organizationId: 'org_1' })).toBeNull()
  })

  it('does not cache a response that arrives after the session was cleared', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const pending = cache.getToken({ sessionId: 'sess_1' })
    cache.clear('sess_1')
    await settle(pending)
    expect(cache.peek({ sessionId: 'sess_1' })).toBeNull()
  })
})

describe('onToken', () => {
  it('reports fetched and seeded tokens until unsubscribed', async () => {
    const cache = createTestCache({ fetchToken: createTokenServer().fetchToken })
    const updates: unknown[] = []
    const stop = cache.onToken(update => updates.push([update.key, update.source]))
    cache.seed('sess_1', 'org_1', makeJwt())
    await settle(cache.getToken({ sessionId: 'sess_1', template: 'hasura' }))
    stop()
    cache.seed('sess_2', null, makeJwt())
    expect(updates).toEqual([['sess_1-org_1', 'seed'], ['sess_1-hasura', 'fetch']])
  })
})
