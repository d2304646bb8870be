import type { JwtTimes } from './decodeJwtTimes'

/**
 * One cached token. Times are on the local clock: `issuedAt` is estimated when the token arrives,
 * so a client clock that is minutes off neither expires every token at once (a fetch loop) nor
 * keeps a dead one alive.
 */
export interface TokenEntry extends JwtTimes {
  /** The raw compact JWT. */
  jwt: string
  /** `(exp - iat)` in ms: the TTL of the entry. */
  lifetimeMs: number
  /** Local time (ms) at which the token is estimated to have been issued. */
  issuedAt: number
  /** Local time (ms) at which this cache stored it. */
  receivedAt: number
}

/** Builds an entry for a token that arrived at local time `receivedAt` already `ageMs` old. */
export function createTokenEntry(jwt: string, times: JwtTimes, receivedAt: number, ageMs: number): TokenEntry {
  const lifetimeMs = (times.exp - times.iat) * 1000
  const age = Math.min(Math.max(ageMs, 0), lifetimeMs)
  return { jwt, ...times, lifetimeMs, issuedAt: receivedAt - age, receivedAt }
}

/** Milliseconds the token has left at local time `now` (negative once expired). */
export function remainingMs(entry: TokenEntry, now: number): number {
  return entry.issuedAt + entry.lifetimeMs - now
}
