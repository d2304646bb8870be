import * as z from 'zod/mini'
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
  verifications: z.nullish(signUpVerificationsSchema),
  username: z.nullish(z.string()),
  email_address: z.nullish(z.string()),
  phone_number: z.nullish(z.string()),
  web3_wallet: z.nullish(z.string()),
  first_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
  has_password: z.optional(z.boolean()),
  password_enabled: z.optional(z.boolean()),
  unsafe_metadata: metadataSchema,
  public_metadata: metadataSchema,
  created_session_id: z.nullish(z.string()),
  created_user_id: z.nullish(z.string()),
  abandon_at: timestampSchema,
  legal_accepted_at: z.nullish(timestampSchema),
  locale: z.nullish(z.string()),
  external_account_strategy: z.nullish(z.string()),
  external_account: z.optional(z.unknown()),
  protect_check: z.nullish(protectCheckSchema),
})

/** A sign-up as parsed. */
export type SignUpJSON = z.output<typeof signUpSchema>
/** A sign-up as the server may write it. */
export type SignUpJSONInput = z.input<typeof signUpSchema>
/** The state of a sign-up. */
export type SignUpStatus = z.output<typeof signUpStatusSchema>
