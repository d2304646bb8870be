import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestCache } from './createTestCache'
import { makeJwt } from './makeJwt'
import { settle, T0 } from './settle'
import { createTokenServer } from './tokenServer'

const SECOND = T0 / 1000

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('seed', () => {
  it('makes a last_active_token available without a fetch', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken })
    const jwt = makeJwt()
    expect(cache.seed('sess_1', null, jwt)).toBe(true)
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(jwt)
    expect(server.requests).toHaveLength(0)
  })

  it('replaces a token with a fresher one (larger iat)', async () => {
    const cache = createTestCache({ fetchToken: createTokenServer().fetchToken })
    const older = makeJwt({ iat: SECOND - 10 })
    const newer = makeJwt({ iat: SECOND - 5 })
    cache.seed('sess_1', null, older)
    expect(cache.seed('sess_1', null, newer)).toBe(true)
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(newer)
  })

  it.each([
    { name: 'older', iat: SECOND - 10 },
    { name: 'equally old', iat: SECOND - 5 },
  ])('never replaces a token with an $name one', async ({ iat }) => {
    const cache = createTestCache({ fetchToken: createTokenServer().fetchToken })
    const kept = makeJwt({ iat: SECOND - 5 })
    cache.seed('sess_1', null, kept)
    expect(cache.seed('sess_1', null, makeJwt({ iat }))).toBe(false)
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(kept)
  })

  it('never replaces a fetched token with an older last_active_token', async () => {
    const cache = createTestCache({ fetchToken: createTokenServer().fetchToken })
    const fetched = await settle(cache.getToken({ sessionId: 'sess_1' }))
    expect(cache.seed('sess_1', null, makeJwt({ iat: SECOND - 30 }))).toBe(false)
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(fetched)
  })

  it.each(['', 'a.b', 'x.eyJpYXQiOjF9.y', `h.${Buffer.from('{"iat":10,"exp":5}').toString('base64url')}.s`])(
    'ignores the malformed token %j',
    (jwt) => {
      const cache = createTestCache({ fetchToken: createTokenServer().fetchToken })
      expect(cache.seed('sess_1', null, jwt)).toBe(false)
      expect(cache.peek({ sessionId: 'sess_1' })).toBeNull()
    },
  )

  it('files a token under the session and organization it is seeded for', () => {
    const cache = createTestCache({ fetchToken: createTokenServer().fetchToken })
    const jwt = makeJwt({ org_id: 'org_1' })
    cache.seed('sess_1', 'org_1', jwt)
    expect(cache.peek({ sessionId: 'sess_1', organizationId: 'org_1' })).toBe(jwt)
    expect(cache.peek({ sessionId: 'sess_1' })).toBeNull()
  })

  it('ages an old last_active_token on the server clock learnt from a fetch', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken, backgroundRefresh: false })
    await settle(cache.getToken({ sessionId: 'sess_1' }))
    // sess_2's token was issued 50 s ago: 10 s left, so 6 s later it is inside the 5 s margin
    cache.seed('sess_2', null, makeJwt({ sid: 'sess_2', iat: Math.floor(Date.now() / 1000) - 50 }))
    expect(cache.peek({ sessionId: 'sess_2' })).not.toBeNull()
    vi.advanceTimersByTime(6000)
    expect(cache.peek({ sessionId: 'sess_2' })).toBeNull()
  })

  it('does not expire every token when the local clock is two minutes fast', async () => {
    const server = createTokenServer()
    const cache = createTestCache({ fetchToken: server.fetchToken, now: () => Date.now() + 120_000 })
    const fetched = await settle(cache.getToken({ sessionId: 'sess_1' }))
    await vi.advanceTimersByTimeAsync(20_000)
    expect(await cache.getToken({ sessionId: 'sess_1' })).toBe(fetched)
    expect(server.requests).toHaveLength(1)
  })
})
