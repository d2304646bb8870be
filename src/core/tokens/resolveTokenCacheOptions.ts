import type { RetryOptions } from './refreshTiming'
import type { BroadcastChannelConstructor } from './tokenChannel'
import type { TokenCacheOptions } from './types'
import type { WakeDocument, WakeWindow } from './watchWakeSignals'
import { isOfflineError } from './isOfflineError'

/** `TokenCacheOptions` with every default filled in. */
export type ResolvedTokenCacheOptions = Required<Omit<TokenCacheOptions, 'retry' | 'onRefreshError'>> & {
  retry: RetryOptions
  onRefreshError: TokenCacheOptions['onRefreshError']
  BroadcastChannel: BroadcastChannelConstructor | null
  window: WakeWindow | null
  document: WakeDocument | null
}

/**
 * Fills in the defaults. Browser-only machinery (timers, focus listeners, the channel) defaults
 * to off outside a browser: during SSR nothing may keep the process busy, and Node's global
 * BroadcastChannel would carry one request's tokens into another's.
 */
export function resolveTokenCacheOptions(options: TokenCacheOptions): ResolvedTokenCacheOptions {
  const isBrowser = typeof window !== 'undefined' && typeof document !== 'undefined'
  return {
    now: () => Date.now(),
    marginMs: 5000,
    jitterMs: 3000,
    claimHoldMs: 5000,
    retry: {},
    random: Math.random,
    isOfflineError,
    backgroundRefresh: isBrowser,
    BroadcastChannel: isBrowser ? (globalThis.BroadcastChannel ?? null) : null,
    channelName: 'portico:session_token',
    window: isBrowser ? window : null,
    document: isBrowser ? document : null,
    ...withoutUndefined(options),
    fetchToken: options.fetchToken,
    onRefreshError: options.onRefreshError,
  }
}

// `{ marginMs: undefined }` must not override the default
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
