import type { BackupCodesJSON } from '../../contract'
import { toDate } from './dates'

/** A new set of single-use backup codes, as ClerkJS's `BackupCode`: the codes are shown this once. */
export class BackupCode {
  id: string
  codes: string[]
  createdAt: Date | null
  updatedAt: Date | null

  constructor(json: BackupCodesJSON) {
    this.id = json.id
    this.codes = [...json.codes]
    this.createdAt = toDate(json.created_at)
    this.updatedAt = toDate(json.updated_at)
  }
}
