import type { TOTPJSONInput } from '../contract'
import type { TotpRow } from '../db/secondFactorRows'

/**
 * An authenticator-app enrolment (fapi.md 4.11). The secret and its URI appear only in the answer that
 * creates the enrolment; backup codes only in the one that verifies it (when a new set was made).
 */
export function serializeTotp(row: TotpRow, extra: { secret?: string, uri?: string, backupCodes?: string[] } = {}): TOTPJSONInput {
  return {
    object: 'totp',
    id: row.id,
    secret: extra.secret ?? null,
    uri: extra.uri ?? null,
    verified: row.verified_at !== null,
    backup_codes: extra.backupCodes ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
