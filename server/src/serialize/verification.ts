import type { VerificationJSONInput } from '../contract'
import type { VerificationRow } from '../db/rows'

/** The status a verification shows now: an unverified code past its expiry reads `expired`. */
export function verificationStatus(row: VerificationRow, now: number): 'unverified' | 'verified' | 'failed' | 'expired' {
  if (row.status === 'unverified' && row.expire_at !== null && row.expire_at <= now)
    return 'expired'
  return row.status as 'unverified' | 'verified' | 'failed' | 'expired'
}

/** A verification row as FAPI's embedded Verification (fapi.md 4.6); null stays null. */
export function serializeVerification(row: VerificationRow | null | undefined, now: number): VerificationJSONInput | null {
  if (!row)
    return null
  return {
    object: row.strategy === 'password' ? 'verification_password' : 'verification_otp',
    status: verificationStatus(row, now),
    strategy: row.strategy,
    attempts: row.strategy === 'password' ? null : row.attempts,
    expire_at: row.expire_at,
  }
}
