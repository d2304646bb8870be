import type { SignInResource } from '../types'
import type { ToComputedRefs } from '../utils/toComputedRefs'
import type { SetActive } from './useSessionList'
import { computed } from 'vue'
import { useClientStore } from '../stores/useClientStore'
import { toComputedRefs } from '../utils/toComputedRefs'
import { useClerkContext } from './useClerkContext'

/** Every state `useSignIn()` can report. */
export type SignInState
  = | { isLoaded: false, signIn: undefined, setActive: undefined }
    | { isLoaded: true, signIn: SignInResource, setActive: SetActive }

/** What `useSignIn()` returns: one computed ref per field. */
export type UseSignInReturn = ToComputedRefs<SignInState>

/**
 * The client's in-progress sign-in, for custom sign-in forms, and `setActive` to finish it.
 *
 * @example
 * ```ts
 * const { isLoaded, signIn, setActive } = useSignIn()
 * const result = await signIn.value!.create({ identifier, password })
 * if (result.status === 'complete')
 *   await setActive.value!({ session: result.createdSessionId })
 * ```
 */
export function useSignIn(): UseSignInReturn {
  const { pinia, clerk } = useClerkContext('useSignIn')
  const store = useClientStore(pinia)
  const setActive: SetActive = params => clerk.value.setActive(params)
  const state = computed((): SignInState => {
    const signIn = store.client?.signIn
    if (!store.isLoaded || !signIn)
      return { isLoaded: false, signIn: undefined, setActive: undefined }
    return { isLoaded: true, signIn, setActive }
  })
  return toComputedRefs(state)
}
