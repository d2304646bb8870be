import type { ShallowRef } from 'vue'
import type { Clerk } from '../types'
import { useClerkContext } from './useClerkContext'

/**
 * The Clerk instance, for low-level calls (`setActive`, `signOut`, `buildSignInUrl`…). The ref is
 * triggered on every state change, so `clerk.value.user` read in a computed or template stays current.
 *
 * @example
 * ```vue
 * <script setup lang="ts">
 * import { useClerk } from 'portico'
 *
 * const clerk = useClerk()
 * </script>
 *
 * <template>
 *   <button @click="clerk.signOut()">Sign out</button>
 * </template>
 * ```
 */
export function useClerk(): ShallowRef<Clerk> {
  return useClerkContext('useClerk').clerk
}
