import * as z from 'zod/mini'
import { timestampSchema } from './primitives'

/** An authenticator-app enrolment (fapi.md 4.11): `secret`/`uri` while unverified, `backup_codes` once verified. */
export const totpSchema = z.looseObject({
  object: z.literal('totp'),
  id: z.string(),
  secret: z.nullish(z.string()),
  uri: z.nullish(z.string()),
  verified: z.boolean(),
  backup_codes: z.nullish(z.array(z.string())),
  created_at: z.optional(timestampSchema),
  updated_at: z.optional(timestampSchema),
})

/** A TOTP enrolment as parsed. */
export type TOTPJSON = z.output<typeof totpSchema>
/** A TOTP enrolment as the server may write it. */
export type TOTPJSONInput = z.input<typeof totpSchema>
