import * as z from 'zod/mini'
import { timestampSchema } from './primitives'

/** A freshly generated set of backup codes (`POST /me/backup_codes/`); the codes are only ever shown once. */
export const backupCodesSchema = z.looseObject({
  object: z.literal('backup_code'),
  id: z.string(),
  codes: z.array(z.string()),
  created_at: z.optional(timestampSchema),
  updated_at: z.optional(timestampSchema),
})

/** Backup codes as parsed. */
export type BackupCodesJSON = z.output<typeof backupCodesSchema>
/** Backup codes as the server may write them. */
export type BackupCodesJSONInput = z.input<typeof backupCodesSchema>
