import type { SignInResource } from '../../types'

type Verification = SignInResource['firstFactorVerification']

/**
 * True when a code of `strategy` was already sent for this verification and has not expired (a reload
 * mid-flow): the code step then waits for it instead of sending another one unasked.
 */
export function codeStillValid(verification: Verification, strategy: string): boolean {
  return verification.strategy === strategy && verification.status === 'unverified'
    && (!verification.expireAt || verification.expireAt.getTime() > Date.now())
}
