import type { ComputedRef, InjectionKey } from 'vue'
import type { SignUpResource } from '../../types'
import type { SignUpProps } from './signUpProps'
import type { SignUpStep } from './signUpSteps'
import type { SignUpTicketState } from './useSignUpTicket'
import { inject } from 'vue'

/** What `<SignUp>` shares with its steps. */
export interface SignUpFlow {
  props: Readonly<SignUpProps>
  /** The client's sign-up, always the latest snapshot. */
  signUp: ComputedRef<SignUpResource | undefined>
  applicationName: ComputedRef<string>
  /** Shows a step. */
  go: (step: SignUpStep) => void
  /** Leaves the unfinished sign-up for a new one (the first step, empty). */
  startOver: () => void
  /** Continues after a sign-up call: the next step, or the end of the flow. */
  advance: (signUp: SignUpResource) => Promise<void>
  /** The page's invitation ticket: while `active`, the first step shows the invited address fixed. */
  ticket?: SignUpTicketState
}

/** Injection key of the sign-up flow. */
export const signUpFlowKey: InjectionKey<SignUpFlow> = Symbol('portico-sign-up')

/** The flow of the enclosing `<SignUp>`. */
export function useSignUpFlow(): SignUpFlow {
  const flow = inject(signUpFlowKey)
  if (!flow)
    throw new Error('[portico] Sign-up steps render inside <SignUp> only.')
  return flow
}
