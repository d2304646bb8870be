import * as z from 'zod'
import { timestampSchema } from './primitives'

/** An authenticator-app enrolment (fapi.md 4.11): `secret`/`uri` while unverified, `backup_codes` once verified. */
export const totpSchema = z.looseObject({
  object: z.literal('totp'),
  id: z.string(),
  secret: z.string().nullable().optional(),
  uri: z.string().nullable().optional(),
  verified: z.boolean(),
  backup_codes: z.array(z.string()).nullable().optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
})

/** A TOTP enrolment as parsed. */
export type TOTPJSON = z.output<typeof totpSchema>
/** A TOTP enrolment as the server may write it. */
export type TOTPJSONInput = z.input<typeof totpSchema>
