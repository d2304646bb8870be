import type { UserResource } from '../types'
import type { ToComputedRefs } from '../utils/toComputedRefs'
import { computed } from 'vue'
import { useUserStore } from '../stores/useUserStore'
import { toComputedRefs } from '../utils/toComputedRefs'
import { useClerkContext } from './useClerkContext'

/** Every state `useUser()` can report: loading, signed out, signed in. */
export type UserState
  = | { isLoaded: false, isSignedIn: undefined, user: undefined }
    | { isLoaded: true, isSignedIn: false, user: null }
    | { isLoaded: true, isSignedIn: true, user: UserResource }

/** What `useUser()` returns: one computed ref per field. */
export type UseUserReturn = ToComputedRefs<UserState>

/**
 * The signed-in user: `user` is `undefined` while loading, `null` when signed out.
 *
 * @example
 * ```vue
 * <script setup lang="ts">
 * import { useUser } from 'portico'
 *
 * const { isSignedIn, user } = useUser()
 * </script>
 *
 * <template>
 *   <p v-if="isSignedIn">Hello {{ user?.firstName }}</p>
 * </template>
 * ```
 */
export function useUser(): UseUserReturn {
  const store = useUserStore(useClerkContext('useUser').pinia)
  const state = computed((): UserState => {
    const user = store.user
    if (user === undefined)
      return { isLoaded: false, isSignedIn: undefined, user: undefined }
    if (user === null)
      return { isLoaded: true, isSignedIn: false, user: null }
    return { isLoaded: true, isSignedIn: true, user }
  })
  return toComputedRefs(state)
}
