import * as z from 'zod/mini'
import { linkedIdentificationSchema } from './linkedIdentification'
import { timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** A user's phone number in E.164 form (fapi.md 4.5). */
export const phoneNumberSchema = z.looseObject({
  object: z.literal('phone_number'),
  id: z.string(),
  phone_number: z.string(),
  reserved: z.optional(z.boolean()),
  reserved_for_second_factor: z._default(z.boolean(), false),
  default_second_factor: z._default(z.boolean(), false),
  verification: z.nullable(verificationSchema),
  linked_to: z._default(z.array(linkedIdentificationSchema), []),
  // returned once, when the number is first reserved for 2FA
  backup_codes: z.nullish(z.array(z.string())),
  created_at: z.optional(timestampSchema),
  updated_at: z.optional(timestampSchema),
})

/** A phone number as parsed. */
export type PhoneNumberJSON = z.output<typeof phoneNumberSchema>
/** A phone number as the server may write it. */
export type PhoneNumberJSONInput = z.input<typeof phoneNumberSchema>
