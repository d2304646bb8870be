import type { TokenKey } from './tokenCacheKey'
import type { TokenEntry } from './tokenEntry'

/** Everything the cache tracks for one key: the token, the shared requests, the refresh timer. */
export interface TokenSlot {
  key: string
  request: TokenKey
  entry?: TokenEntry
  /** The request shared by ordinary callers and background refreshes. */
  inflight?: Promise<string>
  /** The request shared by `skipCache` callers, who must not reuse one that started before them. */
  forced?: Promise<string>
  timer?: ReturnType<typeof setTimeout>
  /** When `timer` fires (local ms). */
  timerAt?: number
  /** Background retries spent since the last success. */
  failures: number
  /** When `getToken()` last asked for this key (local ms). */
  lastReadAt?: number
}

/** Stops the slot's refresh timer, if any. */
export function cancelSlotTimer(slot: TokenSlot): void {
  if (slot.timer !== undefined)
    clearTimeout(slot.timer)
  slot.timer = undefined
  slot.timerAt = undefined
}
