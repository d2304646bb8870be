import type { SignUpResource } from '../types'
import type { ToComputedRefs } from '../utils/toComputedRefs'
import type { SetActive } from './useSessionList'
import { computed } from 'vue'
import { useClientStore } from '../stores/useClientStore'
import { toComputedRefs } from '../utils/toComputedRefs'
import { useClerkContext } from './useClerkContext'

/** Every state `useSignUp()` can report. */
export type SignUpState
  = | { isLoaded: false, signUp: undefined, setActive: undefined }
    | { isLoaded: true, signUp: SignUpResource, setActive: SetActive }

/** What `useSignUp()` returns: one computed ref per field. */
export type UseSignUpReturn = ToComputedRefs<SignUpState>

/**
 * The client's in-progress sign-up, for custom sign-up forms, and `setActive` to finish it.
 *
 * @example
 * ```ts
 * const { isLoaded, signUp, setActive } = useSignUp()
 * const result = await signUp.value!.create({ emailAddress, password })
 * if (result.status === 'complete')
 *   await setActive.value!({ session: result.createdSessionId })
 * ```
 */
export function useSignUp(): UseSignUpReturn {
  const { pinia, clerk } = useClerkContext('useSignUp')
  const store = useClientStore(pinia)
  const setActive: SetActive = params => clerk.value.setActive(params)
  const state = computed((): SignUpState => {
    const signUp = store.client?.signUp
    if (!store.isLoaded || !signUp)
      return { isLoaded: false, signUp: undefined, setActive: undefined }
    return { isLoaded: true, signUp, setActive }
  })
  return toComputedRefs(state)
}
