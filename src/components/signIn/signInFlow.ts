import type { ComputedRef, InjectionKey, ShallowRef } from 'vue'
import type { SignInFactor } from '../../core'
import type { SignInResource } from '../../types'
import type { SignInProps } from './signInProps'
import type { SignInStep } from './signInSteps'
import { inject } from 'vue'

/** What `<SignIn>` shares with its steps. */
export interface SignInFlow {
  props: Readonly<SignInProps>
  /** The client's sign-in, always the latest snapshot. */
  signIn: ComputedRef<SignInResource | undefined>
  applicationName: ComputedRef<string>
  /** The first factor the user is on (password, email code). */
  factor: ShallowRef<SignInFactor | undefined>
  /** Shows a step ('start' for the first). */
  go: (step: SignInStep) => void
  /** Continues after a sign-in call: the next step for its status, or the end of the flow. */
  advance: (signIn: SignInResource) => Promise<void>
  /** Makes `sessionId` the active session and leaves for the after-sign-in URL. */
  finish: (sessionId: string) => Promise<void>
  /** Why the page's invitation ticket did not sign anyone in (shown on the first step). */
  ticketError?: Readonly<ShallowRef<unknown>>
}

/** Injection key of the sign-in flow. */
export const signInFlowKey: InjectionKey<SignInFlow> = Symbol('portico-sign-in')

/** The flow of the enclosing `<SignIn>`. */
export function useSignInFlow(): SignInFlow {
  const flow = inject(signInFlowKey)
  if (!flow)
    // eslint-disable-next-line node/prefer-global/process
    throw new Error(process.env.NODE_ENV !== 'production' ? '[portico] Sign-in steps render inside <SignIn> only.' : '[portico] sign-in-step-outside')
  return flow
}
