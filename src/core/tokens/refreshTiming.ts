/**
 * When in a token's life the background refresh runs, and how failed refreshes back off.
 *
 * Why 70 % of the lifetime (42 s for Clerk's 60 s tokens, close to clerk-js's 43 s, so the
 * server sees the same request rate):
 * - it leaves 18 s before expiry; minus the 3 s jitter and the 5 s margin at which `getToken()`
 *   stops trusting the cache, a refresh still has 10 s to come back (a slow request, or one of the
 *   transport's own network retries) before any caller has to wait on the network;
 * - browsers clamp timers in background tabs to about once a second, which this slack absorbs;
 * - a proportion scales to long-lived template tokens (a 1 h token refreshes after 42 min)
 *   instead of refreshing them almost at once or a few seconds before they die.
 * Never earlier than half the lifetime, so a very short-lived token cannot make the cache spin.
 */
export const REFRESH_RATIO = 0.7

/** What the timing depends on besides the token itself. */
export interface RefreshTimingOptions {
  /** `getToken()` fetches once a token has this little left (ms). */
  marginMs: number
  /** Upper bound of the random per-tab delay added to the refresh point (ms). */
  jitterMs: number
}

/** The largest jitter used for a token of this lifetime: never more than 5 % of it. */
export function maxJitterMs(lifetimeMs: number, { jitterMs }: Pick<RefreshTimingOptions, 'jitterMs'>): number {
  return Math.min(jitterMs, lifetimeMs * 0.05)
}

/** How long after issue (ms) a token of `lifetimeMs` should be refreshed, before any jitter. */
export function refreshOffsetMs(lifetimeMs: number, options: RefreshTimingOptions): number {
  // keep at least margin + jitter before expiry so the jittered refresh lands before callers wait
  const lead = Math.max(lifetimeMs * (1 - REFRESH_RATIO), options.marginMs + maxJitterMs(lifetimeMs, options))
  return Math.max(lifetimeMs * 0.5, lifetimeMs - lead)
}

/** Capped exponential backoff for background refreshes that failed with a transient error. */
export interface RetryOptions {
  /**
   * Wait before the first retry (ms).
   * @default 2000
   */
  initialMs?: number
  /**
   * Upper bound of any single wait (ms).
   * @default 30000
   */
  maxMs?: number
  /**
   * Retries per token before the cache stops trying on its own; a `getToken()` call, window focus,
   * the `online` event or a token from another tab starts it again.
   * @default 8
   */
  maxAttempts?: number
}

/** Defaults for `RetryOptions`: 2 s, 4 s, 8 s, 16 s, then 30 s, 8 times (about 2.5 min in all). */
export const DEFAULT_RETRY: Required<RetryOptions> = { initialMs: 2000, maxMs: 30_000, maxAttempts: 8 }

/** The wait (ms) before retry number `attempt` (0-based), or `null` once the budget is spent. */
export function retryDelayMs(attempt: number, options: RetryOptions = {}): number | null {
  const { initialMs, maxMs, maxAttempts } = { ...DEFAULT_RETRY, ...options }
  if (attempt >= maxAttempts)
    return null
  return Math.min(maxMs, initialMs * 2 ** attempt)
}
