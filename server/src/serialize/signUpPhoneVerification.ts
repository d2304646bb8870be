import type { SignUpVerificationJSON } from '../contract'
import type { SignUpRow, VerificationRow } from '../db/rows'
import { verificationStatus } from './verification'

/** `verifications.phone_number` of a sign-up (fapi.md 4.8): what to do next with its SMS code. */
export function serializeSignUpPhoneVerification(row: SignUpRow, verification: VerificationRow | null, now: number): SignUpVerificationJSON | null {
  if (row.phone_number === null)
    return null
  if (!verification)
    return { status: 'unverified', strategy: null, attempts: null, expire_at: null, next_action: 'needs_prepare', supported_strategies: ['phone_code'] }
  const status = verificationStatus(verification, now)
  return {
    object: 'verification_otp',
    status,
    strategy: verification.strategy,
    attempts: verification.attempts,
    expire_at: verification.expire_at,
    channel: 'sms',
    next_action: status === 'verified' ? '' : status === 'unverified' ? 'needs_attempt' : 'needs_prepare',
    supported_strategies: ['phone_code'],
  }
}
