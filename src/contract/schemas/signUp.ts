import * as z from 'zod'
import { metadataSchema, stringListSchema, timestampSchema } from './primitives'
import { protectCheckSchema } from './protectCheck'
import { signUpVerificationsSchema } from './verification'

/** Every state a sign-up attempt can be in. */
export const signUpStatusSchema = z.enum(['missing_requirements', 'complete', 'abandoned'])

/**
 * A sign-up attempt (fapi.md 4.8); the wire says `sign_up_attempt`. clerk-js reads `has_password` while the
 * 2026 spec names it `password_enabled`, so a server should send both.
 */
export const signUpSchema = z.looseObject({
  object: z.enum(['sign_up_attempt', 'sign_up']),
  id: z.string(),
  status: signUpStatusSchema,
  required_fields: stringListSchema,
  optional_fields: stringListSchema,
  missing_fields: stringListSchema,
  unverified_fields: stringListSchema,
  verifications: signUpVerificationsSchema.nullable().optional(),
  username: z.string().nullable().optional(),
  email_address: z.string().nullable().optional(),
  phone_number: z.string().nullable().optional(),
  web3_wallet: z.string().nullable().optional(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  has_password: z.boolean().optional(),
  password_enabled: z.boolean().optional(),
  unsafe_metadata: metadataSchema,
  public_metadata: metadataSchema,
  created_session_id: z.string().nullable().optional(),
  created_user_id: z.string().nullable().optional(),
  abandon_at: timestampSchema,
  legal_accepted_at: timestampSchema.nullable().optional(),
  locale: z.string().nullable().optional(),
  external_account_strategy: z.string().nullable().optional(),
  external_account: z.unknown().optional(),
  protect_check: protectCheckSchema.nullable().optional(),
})

/** A sign-up as parsed. */
export type SignUpJSON = z.output<typeof signUpSchema>
/** A sign-up as the server may write it. */
export type SignUpJSONInput = z.input<typeof signUpSchema>
/** The state of a sign-up. */
export type SignUpStatus = z.output<typeof signUpStatusSchema>
