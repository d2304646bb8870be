import * as z from 'zod/mini'
import { linkedIdentificationSchema } from './linkedIdentification'
import { timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** A user's email address (fapi.md 4.5). Older real payloads omit the timestamps, so they are optional. */
export const emailAddressSchema = z.looseObject({
  object: z.literal('email_address'),
  id: z.string(),
  email_address: z.string(),
  reserved: z.optional(z.boolean()),
  verification: z.nullable(verificationSchema),
  linked_to: z._default(z.array(linkedIdentificationSchema), []),
  matches_sso_connection: z.optional(z.boolean()),
  created_at: z.optional(timestampSchema),
  updated_at: z.optional(timestampSchema),
})

/** An email address as parsed. */
export type EmailAddressJSON = z.output<typeof emailAddressSchema>
/** An email address as the server may write it. */
export type EmailAddressJSONInput = z.input<typeof emailAddressSchema>
