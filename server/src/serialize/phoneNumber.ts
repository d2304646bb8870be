import type { PhoneNumberJSONInput } from '../contract'
import type { VerificationRow } from '../db/rows'
import type { PhoneNumberRow } from '../db/secondFactorRows'
import { serializeVerification } from './verification'

/**
 * A phone number with its verification (fapi.md 4.5). `backupCodes` is given only in the one answer that
 * first reserves the number for second factor, the only time those codes are ever shown.
 */
export function serializePhoneNumber(row: PhoneNumberRow, verification: VerificationRow | null, now: number, backupCodes?: string[]): PhoneNumberJSONInput {
  return {
    object: 'phone_number',
    id: row.id,
    phone_number: row.phone_number,
    reserved: false,
    reserved_for_second_factor: row.reserved_for_second_factor_at !== null,
    default_second_factor: row.default_second_factor_at !== null,
    verification: serializeVerification(verification, now),
    linked_to: [],
    ...(backupCodes ? { backup_codes: backupCodes } : {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
