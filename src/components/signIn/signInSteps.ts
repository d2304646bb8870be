import type { SignInFactor } from '../../core'
import type { SignInResource } from '../../types'

/**
 * The steps of `<SignIn>`, as URL segments. A later step (a second factor, a session task...) is one
 * more entry here, in `STEP_STATUSES` and in `SignIn.vue`'s view table.
 */
export type SignInStep = 'start' | 'factor-one' | 'reset-password' | 'new-password' | 'factor-two'

// the sign-in statuses under which each step makes sense; anything else falls back to `start`
const STEP_STATUSES: Record<Exclude<SignInStep, 'start'>, readonly string[]> = {
  'factor-one': ['needs_first_factor'],
  'reset-password': ['needs_first_factor'],
  'new-password': ['needs_new_password'],
  'factor-two': ['needs_second_factor'],
}

const STATUS_STEPS: Record<string, SignInStep> = {
  needs_first_factor: 'factor-one',
  needs_new_password: 'new-password',
  needs_second_factor: 'factor-two',
}

/** The step to show: the one the URL asks for when the sign-in's state allows it, else `start`. */
export function resolveSignInStep(requested: string, signIn: Pick<SignInResource, 'id' | 'status'> | undefined): SignInStep {
  if (!signIn?.id || !signIn.status || !(requested in STEP_STATUSES))
    return 'start'
  const allowed = STEP_STATUSES[requested as keyof typeof STEP_STATUSES]
  return allowed.includes(signIn.status) ? requested as SignInStep : 'start'
}

/** Where a sign-in in `status` continues; `complete` when a session was created, `start` when nothing fits. */
export function stepForStatus(status: string | null): SignInStep | 'complete' {
  if (status === 'complete')
    return 'complete'
  return (status && STATUS_STEPS[status]) || 'start'
}

/** The first factors a user can pick from (not the password-reset ones). */
export function signInFactors(signIn: Pick<SignInResource, 'supportedFirstFactors'>): SignInFactor[] {
  return (signIn.supportedFirstFactors ?? []).filter(factor => !factor.strategy.startsWith('reset_password'))
}

/** The strategies `<SignIn>` can drive itself. */
export const SUPPORTED_FIRST_FACTORS = ['password', 'email_code'] as const

/**
 * The factor to offer first: one a code was already sent for (a reload mid-flow), else the instance's
 * preferred one (`password` or `otp`), else a password, else an email code.
 */
export function pickFirstFactor(
  signIn: Pick<SignInResource, 'supportedFirstFactors' | 'firstFactorVerification'>,
  preferred: 'password' | 'otp' | undefined,
): SignInFactor | undefined {
  const factors = signInFactors(signIn).filter(factor => (SUPPORTED_FIRST_FACTORS as readonly string[]).includes(factor.strategy))
  const pending = signIn.firstFactorVerification
  const byStrategy = (strategy: string): SignInFactor | undefined =>
    factors.find(factor => factor.strategy === strategy && factor.primary !== false) ?? factors.find(factor => factor.strategy === strategy)
  if (pending.status === 'unverified' && pending.strategy) {
    const prepared = byStrategy(pending.strategy)
    if (prepared)
      return prepared
  }
  if (preferred === 'otp')
    return byStrategy('email_code') ?? byStrategy('password')
  return byStrategy('password') ?? byStrategy('email_code')
}

/** The password-reset factor of the sign-in, if the instance allows resets by email. */
export function resetPasswordFactor(signIn: Pick<SignInResource, 'supportedFirstFactors'>): SignInFactor | undefined {
  return signIn.supportedFirstFactors?.find(factor => factor.strategy === 'reset_password_email_code')
}
