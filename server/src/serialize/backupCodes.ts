import type { BackupCodesJSONInput } from '../contract'
import type { BackupCodeSet } from '../services/backupCodes'

/** A freshly generated set of backup codes (fapi.md 4.11): the only answer that ever holds them. */
export function serializeBackupCodes(set: BackupCodeSet): BackupCodesJSONInput {
  return {
    object: 'backup_code',
    id: set.id,
    codes: set.codes,
    created_at: set.createdAt,
    updated_at: set.createdAt,
  }
}
