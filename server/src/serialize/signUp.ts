import type { PorticoConfig } from '../config'
import type { SignUpJSONInput, SignUpVerificationJSON } from '../contract'
import type { SignUpRow, VerificationRow } from '../db/rows'
import { signUpRequirements } from '../services/signUpFields'
import { parseMetadata } from './metadata'
import { serializeSignUpPhoneVerification } from './signUpPhoneVerification'
import { verificationStatus } from './verification'

function emailVerification(row: SignUpRow, verification: VerificationRow | null, now: number): SignUpVerificationJSON | null {
  if (row.email_address === null)
    return null
  if (!verification) {
    return { status: 'unverified', strategy: null, attempts: null, expire_at: null, next_action: 'needs_prepare', supported_strategies: ['email_code'] }
  }
  const status = verificationStatus(verification, now)
  return {
    object: 'verification_otp',
    status,
    strategy: verification.strategy,
    attempts: verification.attempts,
    expire_at: verification.expire_at,
    next_action: status === 'verified' ? '' : status === 'unverified' ? 'needs_attempt' : 'needs_prepare',
    supported_strategies: ['email_code'],
  }
}

/** A sign-up attempt (fapi.md 4.8): `sign_up_attempt`, with the field lists computed from the configuration. */
export function serializeSignUp(row: SignUpRow, verification: VerificationRow | null, config: PorticoConfig, now: number, phoneVerification: VerificationRow | null = null): SignUpJSONInput {
  const fields = signUpRequirements(config, row, verification, phoneVerification)
  // a completed sign-up keeps '' where the hash was: the user row holds the only copy
  const hasPassword = row.password_hash !== null
  return {
    object: 'sign_up_attempt',
    id: row.id,
    status: row.status as SignUpJSONInput['status'],
    required_fields: fields.required,
    optional_fields: fields.optional,
    missing_fields: row.created_user_id ? [] : fields.missing,
    unverified_fields: row.created_user_id ? [] : fields.unverified,
    verifications: {
      email_address: emailVerification(row, verification, now),
      phone_number: serializeSignUpPhoneVerification(row, phoneVerification, now),
      web3_wallet: null,
      external_account: null,
    },
    username: row.username,
    email_address: row.email_address,
    phone_number: row.phone_number,
    web3_wallet: null,
    first_name: row.first_name,
    last_name: row.last_name,
    has_password: hasPassword,
    password_enabled: hasPassword,
    unsafe_metadata: parseMetadata(row.unsafe_metadata),
    public_metadata: {},
    created_session_id: row.created_session_id,
    created_user_id: row.created_user_id,
    abandon_at: row.abandon_at,
    legal_accepted_at: row.legal_accepted_at,
    locale: row.locale,
    external_account_strategy: null,
  }
}
