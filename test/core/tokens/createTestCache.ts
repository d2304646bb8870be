import type { TokenCache, TokenCacheOptions } from '../../../src/core/tokens'
import { afterEach } from 'vitest'
import { createTokenCache } from '../../../src/core/tokens'

const open: TokenCache[] = []

afterEach(() => {
  for (const cache of open.splice(0))
    cache.destroy()
})

/**
 * A token cache isolated from the test environment's globals (happy-dom's window, Node's
 * BroadcastChannel) unless a test passes them in; destroyed after each test.
 */
export function createTestCache(options: TokenCacheOptions): TokenCache {
  const cache = createTokenCache({
    backgroundRefresh: true,
    BroadcastChannel: null,
    window: null,
    document: null,
    ...options,
  })
  open.push(cache)
  return cache
}
