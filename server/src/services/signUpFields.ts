import type { PorticoConfig } from '../config'
import type { SignUpRow, VerificationRow } from '../db/rows'

/** The sign-up fields FAPI names in `required_fields` and friends. */
export type SignUpField = 'email_address' | 'phone_number' | 'password' | 'first_name' | 'last_name' | 'username' | 'legal_accepted'

/** What a sign-up still lacks, from the configuration and what it holds (fapi.md 4.8). */
export interface SignUpRequirements {
  required: SignUpField[]
  optional: SignUpField[]
  missing: SignUpField[]
  unverified: SignUpField[]
}

/**
 * Computes required/optional/missing/unverified fields; a sign-up completes when the last two are empty.
 * A phone number, when given, must be verified too.
 */
export function signUpRequirements(config: PorticoConfig, row: SignUpRow, emailVerification: VerificationRow | null, phoneVerification: VerificationRow | null = null): SignUpRequirements {
  const { signUp } = config
  const settings: [SignUpField, 'off' | 'optional' | 'required', boolean][] = [
    ['email_address', 'required', row.email_address !== null],
    ['phone_number', config.phoneNumbers.enabled ? config.phoneNumbers.signUp : 'off', row.phone_number !== null],
    ['password', signUp.password, row.password_hash !== null],
    ['first_name', signUp.firstName, row.first_name !== null],
    ['last_name', signUp.lastName, row.last_name !== null],
    ['username', signUp.username, row.username !== null],
    ['legal_accepted', signUp.legalConsent ? 'required' : 'off', row.legal_accepted_at !== null],
  ]
  const required = settings.filter(([, setting]) => setting === 'required').map(([name]) => name)
  const optional = settings.filter(([, setting]) => setting === 'optional').map(([name]) => name)
  const missing = settings.filter(([, setting, present]) => setting === 'required' && !present).map(([name]) => name)
  const unverified: SignUpField[] = row.email_address !== null && emailVerification?.status !== 'verified' ? ['email_address'] : []
  if (row.phone_number !== null && phoneVerification?.status !== 'verified')
    unverified.push('phone_number')
  return { required, optional, missing, unverified }
}
