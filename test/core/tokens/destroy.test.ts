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

/** A busy cache: active session, a read template token, an org token and a retrying key. */
async function busyCache() {
  const win = new EventTarget()
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' })
  const server = createTokenServer()
  const cache = createTestCache({
    fetchToken: server.fetchToken,
    window: win,
    document: doc,
    BroadcastChannel: globalThis.BroadcastChannel,
    channelName: `portico:destroy:${Math.random()}`,
  })
  cache.seed('sess_1', null, makeJwt())
  cache.seed('sess_1', 'org_1', makeJwt({ org_id: 'org_1' }))
  cache.setActiveSession('sess_1', null)
  await settle(cache.getToken({ sessionId: 'sess_1', template: 'supabase' }))
  server.mode = 'offline'
  await settle(cache.getToken({ sessionId: 'sess_2' })).catch(() => {})
  server.mode = 'online'
  return { win, doc, server, cache }
}

describe('destroy', () => {
  it('clears every timer', async () => {
    const { cache } = await busyCache()
    expect(vi.getTimerCount()).toBeGreaterThanOrEqual(4)
    cache.destroy()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('schedules nothing when a request in flight settles afterwards', async () => {
    const { cache } = await busyCache()
    const pending = cache.getToken({ sessionId: 'sess_3' })
    cache.destroy()
    await settle(pending)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('removes the focus and visibility listeners', async () => {
    const { win, doc, server, cache } = await busyCache()
    cache.destroy()
    await vi.advanceTimersByTimeAsync(50_000)
    const before = server.requests.length
    win.dispatchEvent(new Event('focus'))
    win.dispatchEvent(new Event('online'))
    doc.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(100)
    expect(server.requests).toHaveLength(before)
  })

  it('closes the channel', async () => {
    const opened: BroadcastChannel[] = []
    class RecordedChannel extends BroadcastChannel {
      constructor(name: string) {
        super(name)
        opened.push(this)
      }
    }
    const cache = createTestCache({ fetchToken: createTokenServer().fetchToken, BroadcastChannel: RecordedChannel })
    cache.destroy()
    // posting on a closed BroadcastChannel throws
    expect(() => opened[0]!.postMessage('ping')).toThrow()
  })

  it('drops the tokens', async () => {
    const { cache } = await busyCache()
    cache.destroy()
    expect(cache.peek({ sessionId: 'sess_1' })).toBeNull()
    expect(cache.seed('sess_1', null, makeJwt())).toBe(false)
  })
})
