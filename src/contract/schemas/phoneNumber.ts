import * as z from 'zod'
import { linkedIdentificationSchema } from './linkedIdentification'
import { timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** A user's phone number in E.164 form (fapi.md 4.5). */
export const phoneNumberSchema = z.looseObject({
  object: z.literal('phone_number'),
  id: z.string(),
  phone_number: z.string(),
  reserved: z.boolean().optional(),
  reserved_for_second_factor: z.boolean().default(false),
  default_second_factor: z.boolean().default(false),
  verification: verificationSchema.nullable(),
  linked_to: z.array(linkedIdentificationSchema).default([]),
  // returned once, when the number is first reserved for 2FA
  backup_codes: z.array(z.string()).nullable().optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
})

/** A phone number as parsed. */
export type PhoneNumberJSON = z.output<typeof phoneNumberSchema>
/** A phone number as the server may write it. */
export type PhoneNumberJSONInput = z.input<typeof phoneNumberSchema>
