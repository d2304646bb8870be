// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTokenCache } from '../../../src/core/tokens'
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

describe('outside a browser (SSR)', () => {
  it('schedules no background refresh', () => {
    const cache = createTokenCache({ fetchToken: createTokenServer().fetchToken })
    cache.seed('sess_1', null, makeJwt())
    cache.setActiveSession('sess_1', null)
    expect(vi.getTimerCount()).toBe(0)
    cache.destroy()
  })

  it('does not share tokens through Node\'s global BroadcastChannel', async () => {
    expect(typeof globalThis.BroadcastChannel).toBe('function')
    const server = createTokenServer()
    const requestA = createTokenCache({ fetchToken: server.fetchToken })
    const requestB = createTokenCache({ fetchToken: server.fetchToken })
    await settle(requestA.getToken({ sessionId: 'sess_1' }))
    setTimeout(() => {}, 1)
    await vi.advanceTimersByTimeAsync(1)
    expect(requestB.peek({ sessionId: 'sess_1' })).toBeNull()
    requestA.destroy()
    requestB.destroy()
  })
})
