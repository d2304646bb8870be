import type { EmailAddressJSONInput } from '../contract'
import type { EmailAddressRow, VerificationRow } from '../db/rows'
import { serializeVerification } from './verification'

/** An email address with its verification (fapi.md 4.5). */
export function serializeEmailAddress(row: EmailAddressRow, verification: VerificationRow | null, now: number): EmailAddressJSONInput {
  return {
    object: 'email_address',
    id: row.id,
    email_address: row.email_address,
    reserved: false,
    verification: serializeVerification(verification, now),
    linked_to: [],
    matches_sso_connection: false,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
