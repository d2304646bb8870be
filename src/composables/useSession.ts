import type { SessionResource } from '../types'
import type { ToComputedRefs } from '../utils/toComputedRefs'
import { computed } from 'vue'
import { useSessionStore } from '../stores/useSessionStore'
import { toComputedRefs } from '../utils/toComputedRefs'
import { useClerkContext } from './useClerkContext'

/** Every state `useSession()` can report; a pending session is present but not signed in. */
export type SessionState
  = | { isLoaded: false, isSignedIn: undefined, session: undefined }
    | { isLoaded: true, isSignedIn: false, session: null }
    | { isLoaded: true, isSignedIn: boolean, session: SessionResource }

/** What `useSession()` returns: one computed ref per field. */
export type UseSessionReturn = ToComputedRefs<SessionState>

/**
 * The active session: `undefined` while loading, `null` when signed out.
 *
 * @example
 * ```vue
 * <script setup lang="ts">
 * import { useSession } from 'portico'
 *
 * const { isSignedIn, session } = useSession()
 * </script>
 *
 * <template>
 *   <p v-if="isSignedIn">Active since {{ session?.lastActiveAt.toLocaleString() }}</p>
 * </template>
 * ```
 */
export function useSession(): UseSessionReturn {
  const store = useSessionStore(useClerkContext('useSession').pinia)
  const state = computed((): SessionState => {
    const session = store.session
    if (session === undefined)
      return { isLoaded: false, isSignedIn: undefined, session: undefined }
    if (session === null)
      return { isLoaded: true, isSignedIn: false, session: null }
    return { isLoaded: true, isSignedIn: session.status === 'active', session }
  })
  return toComputedRefs(state)
}
