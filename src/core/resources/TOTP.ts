import type { TOTPJSON } from '../../contract'
import { toDate } from './dates'

/**
 * An authenticator-app enrolment, as ClerkJS's `TOTP`: `secret` and `uri` only in the answer that
 * started it, `backupCodes` only in the answer that verified it (when the user had none yet).
 */
export class TOTP {
  id: string
  /** The base32 key to type into an authenticator app. */
  secret: string | undefined
  /** The `otpauth://totp/...` URI an authenticator app scans as a QR code. */
  uri: string | undefined
  verified: boolean
  backupCodes: string[] | undefined
  createdAt: Date | null
  updatedAt: Date | null

  constructor(json: TOTPJSON) {
    this.id = json.id
    this.secret = json.secret ?? undefined
    this.uri = json.uri ?? undefined
    this.verified = json.verified
    this.backupCodes = json.backup_codes ? [...json.backup_codes] : undefined
    this.createdAt = toDate(json.created_at)
    this.updatedAt = toDate(json.updated_at)
  }
}
