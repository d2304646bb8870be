import type { JwtTimes } from './decodeJwtTimes'
import type { TokenKey } from './tokenCacheKey'
import type { TokenMessage } from './tokenChannel'
import type { TokenEntry } from './tokenEntry'
import type { TokenSlot } from './tokenSlot'
import type { TokenCache, TokenCacheOptions, TokenCacheStats, TokenSource, TokenUpdate } from './types'
import { createEmitter } from '../utils/createEmitter'
import { decodeJwtTimes } from './decodeJwtTimes'
import { isTransientError } from './isOfflineError'
import { maxJitterMs, refreshOffsetMs, retryDelayMs } from './refreshTiming'
import { resolveTokenCacheOptions } from './resolveTokenCacheOptions'
import { tokenCacheKey, toTokenKey } from './tokenCacheKey'
import { openTokenChannel } from './tokenChannel'
import { createTokenEntry, remainingMs } from './tokenEntry'
import { cancelSlotTimer } from './tokenSlot'
import { watchWakeSignals } from './watchWakeSignals'

/**
 * Creates the session-token cache (see `TokenCache`): one entry per `sessionId[-template][-orgId]`,
 * one request per key at a time, a background refresh at 70 % of each token's life, and tokens
 * shared between tabs so that all tabs together refresh about once per lifetime.
 * @example
 * const tokens = createTokenCache({ fetchToken: req => fapi.createSessionToken(req) })
 * tokens.seed(session.id, session.lastActiveOrganizationId, session.lastActiveToken.jwt)
 * tokens.setActiveSession(session.id, session.lastActiveOrganizationId)
 * const jwt = await tokens.getToken({ sessionId: session.id })
 */
export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const config = resolveTokenCacheOptions(options)
  const { now, marginMs, random, backgroundRefresh } = config
  const isTransient = (error: unknown): boolean => isTransientError(error, config.isOfflineError)
  const slots = new Map<string, TokenSlot>()
  const listeners = createEmitter<TokenUpdate>()
  const counters: TokenCacheStats = { fetches: 0, hits: 0, joins: 0 }
  let activeKey: string | null = null
  // local clock minus server clock, from the last token this tab fetched (freshly minted, so age ~0)
  let clockOffsetMs: number | undefined
  let destroyed = false

  const channel = config.BroadcastChannel ? openTokenChannel(config.BroadcastChannel, config.channelName, onMessage) : null
  const stopWake = backgroundRefresh ? watchWakeSignals(config, onWake) : undefined

  function slotFor(request: TokenKey): TokenSlot {
    const key = tokenCacheKey(request)
    let slot = slots.get(key)
    if (!slot)
      slots.set(key, slot = { key, request, failures: 0 })
    return slot
  }

  const isLive = (slot: TokenSlot): boolean => !destroyed && slots.get(slot.key) === slot

  // the active session's token, or any key read within the last token lifetime
  function inUse(slot: TokenSlot): boolean {
    if (slot.key === activeKey)
      return true
    return slot.lastReadAt !== undefined && now() - slot.lastReadAt <= (slot.entry?.lifetimeMs ?? Number.POSITIVE_INFINITY)
  }

  const refreshPoint = (entry: TokenEntry): number => entry.issuedAt + refreshOffsetMs(entry.lifetimeMs, config)

  function setTimer(slot: TokenSlot, at: number): void {
    cancelSlotTimer(slot)
    if (!backgroundRefresh || destroyed)
      return
    slot.timerAt = at
    slot.timer = setTimeout(() => {
      slot.timer = undefined
      slot.timerAt = undefined
      // a key nobody uses any more is left to expire; the next read revalidates it
      if (inUse(slot))
        refresh(slot)
    }, Math.max(0, at - now()))
  }

  function scheduleRefresh(slot: TokenSlot, entry: TokenEntry): void {
    // each tab adds its own jitter: the first to fire refreshes and the others receive its token
    setTimer(slot, Math.max(refreshPoint(entry), now()) + random() * maxJitterMs(entry.lifetimeMs, config))
  }

  // a key read (or made active) again after its timer lapsed unused needs a new one
  function ensureRefresh(slot: TokenSlot): void {
    if (slot.entry && slot.timer === undefined && !slot.inflight)
      scheduleRefresh(slot, slot.entry)
  }

  function refresh(slot: TokenSlot): void {
    if (slot.inflight)
      return
    channel?.post({ type: 'claim', ...slot.request })
    request(slot, false).catch(error => config.onRefreshError?.(error, slot.request))
  }

  function request(slot: TokenSlot, skipCache: boolean): Promise<string> {
    const pending = skipCache ? slot.forced : (slot.inflight ?? slot.forced)
    if (pending) {
      counters.joins++
      return pending
    }
    counters.fetches++
    const promise: Promise<string> = Promise.resolve()
      .then(() => config.fetchToken({ ...slot.request, skipCache }))
      .then(jwt => accept(slot, jwt), (error: unknown) => {
        scheduleRetry(slot, error)
        throw error
      })
      .finally(() => {
        if (slot.inflight === promise)
          slot.inflight = undefined
        if (slot.forced === promise)
          slot.forced = undefined
      })
    if (skipCache)
      slot.forced = promise
    else
      slot.inflight = promise
    return promise
  }

  function accept(slot: TokenSlot, jwt: string): string {
    const times = decodeJwtTimes(jwt)
    if (!times)
      // eslint-disable-next-line node/prefer-global/process
      throw new Error(process.env.NODE_ENV !== 'production' ? '[portico] The token endpoint returned something that is not a JWT with `iat` and `exp`.' : '[portico] token-not-jwt')
    clockOffsetMs = now() - times.iat * 1000
    if (!isLive(slot))
      return jwt // cleared or destroyed meanwhile: the caller gets it, the cache keeps nothing
    slot.failures = 0
    store(slot, jwt, times, 0, 'fetch')
    // another tab may have delivered an even fresher token while this request was out
    return slot.entry?.jwt ?? jwt
  }

  function scheduleRetry(slot: TokenSlot, error: unknown): void {
    if (!isLive(slot) || slot.timer !== undefined || !inUse(slot) || !isTransient(error))
      return
    const delay = retryDelayMs(slot.failures, config.retry)
    if (delay === null)
      return // budget spent: focus, `online`, a read or another tab's token starts it again
    slot.failures++
    setTimer(slot, now() + delay)
  }

  function store(slot: TokenSlot, jwt: string, times: JwtTimes, ageMs: number, source: TokenSource): boolean {
    // a fresher token wins and an older one never replaces what we hold; for an equally old one,
    // the answer this tab fetched is the server's latest word (a skipCache call right after a role
    // change must see the new claims), while a seed or another tab's copy is not
    const held = slot.entry
    if (held && (times.iat < held.iat || (times.iat === held.iat && (source !== 'fetch' || jwt === held.jwt))))
      return false
    const entry = createTokenEntry(jwt, times, now(), ageMs)
    slot.entry = entry
    slot.failures = 0
    scheduleRefresh(slot, entry)
    listeners.emit({ key: slot.key, ...slot.request, jwt, source })
    if (source !== 'broadcast')
      channel?.post({ type: 'token', ...slot.request, jwt, ageMs: now() - entry.issuedAt })
    return true
  }

  function onMessage(message: TokenMessage): void {
    if (destroyed)
      return
    const request = toTokenKey(message)
    if (message.type === 'claim') {
      const slot = slots.get(tokenCacheKey(request))
      // another tab is refreshing this key: give it time to share the result before trying ourselves
      if (slot?.timerAt !== undefined && !slot.inflight)
        setTimer(slot, Math.max(slot.timerAt, now() + config.claimHoldMs))
      return
    }
    const times = decodeJwtTimes(message.jwt)
    if (times)
      store(slotFor(request), message.jwt, times, message.ageMs, 'broadcast')
  }

  function onWake(): void {
    for (const slot of slots.values()) {
      if (!slot.entry || slot.inflight || !inUse(slot) || now() < refreshPoint(slot.entry))
        continue
      // the user (or the network) is back: refresh now rather than after the jitter or backoff
      slot.failures = 0
      cancelSlotTimer(slot)
      refresh(slot)
    }
  }

  return {
    async getToken(params) {
      if (destroyed)
        // eslint-disable-next-line node/prefer-global/process
        throw new Error(process.env.NODE_ENV !== 'production' ? '[portico] getToken() was called on a destroyed token cache.' : '[portico] token-cache-destroyed')
      const slot = slotFor(toTokenKey(params))
      slot.lastReadAt = now()
      const entry = slot.entry
      if (!params.skipCache && entry && remainingMs(entry, now()) > marginMs) {
        counters.hits++
        ensureRefresh(slot)
        return entry.jwt
      }
      try {
        return await request(slot, params.skipCache === true)
      }
      catch (error) {
        // offline is not signed out: a token that still works beats an error
        const cached = isLive(slot) ? slot.entry : undefined
        if (cached && remainingMs(cached, now()) > 0 && isTransient(error))
          return cached.jwt
        throw error
      }
    },
    peek(params) {
      const entry = slots.get(tokenCacheKey(params))?.entry
      return entry && remainingMs(entry, now()) > marginMs ? entry.jwt : null
    },
    seed(sessionId, organizationId, jwt) {
      const times = decodeJwtTimes(jwt)
      if (destroyed || !times)
        return false
      // a last_active_token can be old: age it on the server clock learnt from our last fetch
      const ageMs = clockOffsetMs === undefined ? 0 : now() - clockOffsetMs - times.iat * 1000
      return store(slotFor(toTokenKey({ sessionId, organizationId })), jwt, times, ageMs, 'seed')
    },
    setActiveSession(sessionId, organizationId) {
      activeKey = sessionId ? tokenCacheKey({ sessionId, organizationId }) : null
      const slot = activeKey === null ? undefined : slots.get(activeKey)
      if (slot)
        ensureRefresh(slot)
    },
    clear(sessionId) {
      for (const slot of [...slots.values()]) {
        if (sessionId === undefined || slot.request.sessionId === sessionId) {
          cancelSlotTimer(slot)
          slots.delete(slot.key)
        }
      }
    },
    onToken: listeners.on,
    stats: () => ({ ...counters }),
    destroy() {
      if (destroyed)
        return
      destroyed = true
      for (const slot of slots.values())
        cancelSlotTimer(slot)
      slots.clear()
      listeners.clear()
      stopWake?.()
      channel?.close()
    },
  }
}
