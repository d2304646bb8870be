import type { ComputedRef } from 'vue'
import { computed } from 'vue'
import { useClerkContext } from '../../composables/useClerkContext'
import { useClientStore } from '../../stores/useClientStore'

/** True once the Clerk object has loaded in this browser (never during server-side rendering). */
export function useClerkLoaded(): ComputedRef<boolean> {
  const store = useClientStore(useClerkContext('useClerkLoaded').pinia)
  return computed(() => store.isLoaded)
}
