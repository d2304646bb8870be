import type { DecodedJwt } from './decodeJwt'
import { useIntervalFn } from '@vueuse/core'
import { useAuth } from 'portico'
import { computed, shallowRef } from 'vue'
import { decodeJwt } from './decodeJwt'

/**
 * The active session's token, re-read every second: `getToken()` answers from the SDK's cache, so
 * this shows the token the app would send right now, and the moment the background refresh replaces it.
 */
export function useLiveToken() {
  const { getToken, sessionId } = useAuth()
  const jwt = shallowRef<string | null>(null)
  const now = shallowRef(Date.now())
  const error = shallowRef<string | null>(null)
  const refreshes = shallowRef(0)

  async function tick(): Promise<void> {
    now.value = Date.now()
    try {
      const next = await getToken.value()
      if (next && jwt.value && next !== jwt.value)
        refreshes.value++
      jwt.value = next
      error.value = null
    }
    catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause)
    }
  }

  useIntervalFn(tick, 1000, { immediateCallback: true })

  const decoded = computed<DecodedJwt | null>(() => (jwt.value ? decodeJwt(jwt.value) : null))
  const secondsLeft = computed(() => {
    const exp = decoded.value?.claims.exp
    return typeof exp === 'number' ? Math.max(0, Math.round(exp - now.value / 1000)) : null
  })
  const lifetime = computed(() => {
    const { exp, iat } = decoded.value?.claims ?? {}
    return typeof exp === 'number' && typeof iat === 'number' ? exp - iat : null
  })

  return { jwt, decoded, secondsLeft, lifetime, refreshes, error, sessionId, refresh: tick }
}
