import * as z from 'zod'
import { linkedIdentificationSchema } from './linkedIdentification'
import { timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** A user's email address (fapi.md 4.5). Older real payloads omit the timestamps, so they are optional. */
export const emailAddressSchema = z.looseObject({
  object: z.literal('email_address'),
  id: z.string(),
  email_address: z.string(),
  reserved: z.boolean().optional(),
  verification: verificationSchema.nullable(),
  linked_to: z.array(linkedIdentificationSchema).default([]),
  matches_sso_connection: z.boolean().optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
})

/** An email address as parsed. */
export type EmailAddressJSON = z.output<typeof emailAddressSchema>
/** An email address as the server may write it. */
export type EmailAddressJSONInput = z.input<typeof emailAddressSchema>
