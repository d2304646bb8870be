import type { SignInFactor } from '../../core'
import type { SignInResource } from '../../types'

/** The second factors `<SignIn>` can drive itself, in the order it offers them. */
export const SUPPORTED_SECOND_FACTORS = ['totp', 'phone_code', 'backup_code'] as const

/** The second factors of the sign-in that `<SignIn>` supports. */
export function secondFactors(signIn: Pick<SignInResource, 'supportedSecondFactors'>): SignInFactor[] {
  return (signIn.supportedSecondFactors ?? []).filter(factor => (SUPPORTED_SECOND_FACTORS as readonly string[]).includes(factor.strategy))
}

/**
 * The second factor to offer first: the one a code was already texted for (a reload mid-flow), else an
 * authenticator app, else the default phone number, else any number, else a backup code.
 */
export function pickSecondFactor(signIn: Pick<SignInResource, 'supportedSecondFactors' | 'secondFactorVerification'>): SignInFactor | undefined {
  const factors = secondFactors(signIn)
  const pending = signIn.secondFactorVerification
  if (pending.status === 'unverified' && pending.strategy === 'phone_code') {
    const texted = factors.find(factor => factor.strategy === 'phone_code' && factor.default) ?? factors.find(factor => factor.strategy === 'phone_code')
    if (texted)
      return texted
  }
  return factors.find(factor => factor.strategy === 'totp')
    ?? factors.find(factor => factor.strategy === 'phone_code' && factor.default)
    ?? factors.find(factor => factor.strategy === 'phone_code')
    ?? factors[0]
}

/** True when `a` and `b` are the same factor (same strategy, same phone number or email). */
export function sameFactor(a: SignInFactor, b: SignInFactor | undefined): boolean {
  return !!b && a.strategy === b.strategy && a.emailAddressId === b.emailAddressId && a.phoneNumberId === b.phoneNumberId
}
