export { createTokenCache } from './createTokenCache'
export { decodeJwtTimes } from './decodeJwtTimes'
export type { JwtTimes } from './decodeJwtTimes'
export { isOfflineError, isTransientError } from './isOfflineError'
export { DEFAULT_RETRY, maxJitterMs, REFRESH_RATIO, refreshOffsetMs, retryDelayMs } from './refreshTiming'
export type { RefreshTimingOptions, RetryOptions } from './refreshTiming'
export { tokenCacheKey, toTokenKey } from './tokenCacheKey'
export type { TokenKey, TokenKeyParams } from './tokenCacheKey'
export { readTokenMessage } from './tokenChannel'
export type { BroadcastChannelConstructor, BroadcastChannelLike, TokenMessage } from './tokenChannel'
export type { TokenEntry } from './tokenEntry'
export type {
  FetchToken,
  GetTokenParams,
  TokenCache,
  TokenCacheOptions,
  TokenCacheStats,
  TokenFetchRequest,
  TokenSource,
  TokenUpdate,
} from './types'
export type { WakeDocument, WakeWindow } from './watchWakeSignals'
