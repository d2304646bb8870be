import type { SessionResource, SetActiveParams } from '../types'
import type { ToComputedRefs } from '../utils/toComputedRefs'
import { computed } from 'vue'
import { useClientStore } from '../stores/useClientStore'
import { toComputedRefs } from '../utils/toComputedRefs'
import { useClerkContext } from './useClerkContext'

/** `setActive()`: makes a session (and optionally an organization) the active one. */
export type SetActive = (params: SetActiveParams) => Promise<void>

/** Every state `useSessionList()` can report. */
export type SessionListState
  = | { isLoaded: false, sessions: undefined, setActive: undefined }
    | { isLoaded: true, sessions: SessionResource[], setActive: SetActive }

/** What `useSessionList()` returns: one computed ref per field. */
export type UseSessionListReturn = ToComputedRefs<SessionListState>

/**
 * Every session of this device's client (multi-session apps) and `setActive` to switch between them.
 *
 * @example
 * ```vue
 * <script setup lang="ts">
 * import { useSessionList } from 'portico'
 *
 * const { sessions, setActive } = useSessionList()
 * </script>
 *
 * <template>
 *   <button v-for="s in sessions" :key="s.id" @click="setActive?.({ session: s.id })">{{ s.id }}</button>
 * </template>
 * ```
 */
export function useSessionList(): UseSessionListReturn {
  const { pinia, clerk } = useClerkContext('useSessionList')
  const store = useClientStore(pinia)
  const setActive: SetActive = params => clerk.value.setActive(params)
  const state = computed((): SessionListState => {
    const client = store.client
    if (!store.isLoaded || !client)
      return { isLoaded: false, sessions: undefined, setActive: undefined }
    return { isLoaded: true, sessions: client.sessions, setActive }
  })
  return toComputedRefs(state)
}
