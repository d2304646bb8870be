import type { RetryOptions } from './refreshTiming'
import type { TokenKey, TokenKeyParams } from './tokenCacheKey'
import type { BroadcastChannelConstructor } from './tokenChannel'
import type { WakeDocument, WakeWindow } from './watchWakeSignals'

/** What the injected fetcher is asked for. */
export interface TokenFetchRequest extends TokenKey {
  /** True when the caller asked to bypass every cache (FAPI `?debug=skip_cache`). */
  skipCache: boolean
}

/** Mints a token over the network (`POST /v1/client/sessions/:id/tokens[/:template]`) and returns its JWT. */
export type FetchToken = (request: TokenFetchRequest) => Promise<string>

/** `getToken()`'s argument. */
export interface GetTokenParams extends TokenKeyParams {
  /** Fetch even when a good token is cached (still shared with other `skipCache` calls in flight). */
  skipCache?: boolean
}

/** Where a stored token came from. */
export type TokenSource = 'fetch' | 'seed' | 'broadcast'

/** Passed to `onToken` listeners whenever the cache stores a fresher token for a key. */
export interface TokenUpdate extends TokenKey {
  /** The cache key, `sessionId[-template][-orgId]`. */
  key: string
  /** The new JWT. */
  jwt: string
  /** `fetch` (this tab asked the server), `seed` (a `last_active_token`) or `broadcast` (another tab). */
  source: TokenSource
}

/** Counters for tests and benchmarks. */
export interface TokenCacheStats {
  /** Requests handed to `fetchToken`. */
  fetches: number
  /** `getToken()` calls answered from the cache. */
  hits: number
  /** `getToken()` calls that joined a request already in flight. */
  joins: number
}

/** Options of `createTokenCache`. */
export interface TokenCacheOptions {
  /** The network; the transport should already retry network failures and throw `ClerkOfflineError` after. */
  fetchToken: FetchToken
  /**
   * The clock, in ms.
   * @default Date.now
   */
  now?: () => number
  /**
   * `getToken()` fetches once a cached token has this little left (ms).
   * @default 5000
   */
  marginMs?: number
  /**
   * Upper bound of the random delay each tab adds to the refresh point, so tabs do not fire together (ms).
   * @default 3000
   */
  jitterMs?: number
  /**
   * How long a tab postpones its own refresh when another tab announces it is refreshing (ms).
   * @default 5000
   */
  claimHoldMs?: number
  /** Backoff of background refreshes after transient failures. */
  retry?: RetryOptions
  /**
   * Source of randomness for the jitter.
   * @default Math.random
   */
  random?: () => number
  /**
   * Recognises a network failure; such failures fall back to a still-valid cached token.
   * @default error.name === 'ClerkOfflineError'
   */
  isOfflineError?: (error: unknown) => boolean
  /**
   * Refresh tokens on timers and on focus; off during SSR, where nobody should keep a process busy.
   * @default typeof window !== 'undefined'
   */
  backgroundRefresh?: boolean
  /**
   * `BroadcastChannel` used to share tokens between tabs; `null` disables sharing. Never defaulted
   * outside a browser: Node 20 has a global BroadcastChannel that would mix SSR requests' tokens.
   * @default globalThis.BroadcastChannel in a browser, else null
   */
  BroadcastChannel?: BroadcastChannelConstructor | null
  /**
   * Channel name; give instances that talk to different Frontend APIs on one origin different names.
   * @default 'portico:session_token'
   */
  channelName?: string
  /**
   * Source of `focus` and `online` events; `null` disables them.
   * @default globalThis.window when it exists
   */
  window?: WakeWindow | null
  /**
   * Source of `visibilitychange` events; `null` disables them.
   * @default globalThis.document when it exists
   */
  document?: WakeDocument | null
  /** Told about background refreshes that failed (foreground failures reach the `getToken()` caller). */
  onRefreshError?: (error: unknown, request: TokenKey) => void
}

/** The session-token cache: cached, deduplicated, refreshed ahead of expiry and shared between tabs. */
export interface TokenCache {
  /**
   * Resolves a JWT for the key: from the cache while it has more than `marginMs` left, else from
   * one shared request. On a network failure a still-valid cached token is returned instead.
   */
  getToken: (params: GetTokenParams) => Promise<string>
  /** The cached JWT if it has more than `marginMs` left, else `null`; never touches the network. */
  peek: (params: TokenKeyParams) => string | null
  /**
   * Offers a session's `last_active_token` (no template); kept only if fresher (larger `iat`) than
   * what is cached. Returns whether it was kept.
   */
  seed: (sessionId: string, organizationId: string | null | undefined, jwt: string) => boolean
  /**
   * Names the current session and organization: their session token is refreshed in the background
   * even when nobody reads it. Other keys are refreshed only while they are read at least once per lifetime.
   */
  setActiveSession: (sessionId: string | null, organizationId?: string | null) => void
  /** Drops the tokens (and timers) of one session, or of all sessions. */
  clear: (sessionId?: string) => void
  /** Subscribes to stored tokens; returns the unsubscribe. */
  onToken: (listener: (update: TokenUpdate) => void) => () => void
  /** Counters since creation. */
  stats: () => TokenCacheStats
  /** Clears everything, stops every timer and listener and closes the channel; the cache is unusable after. */
  destroy: () => void
}
