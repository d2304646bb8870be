import * as z from 'zod/mini'
import { factorSchema } from './factor'
import { timestampSchema } from './primitives'
import { protectCheckSchema } from './protectCheck'
import { verificationSchema } from './verification'

/** Every state a sign-in attempt can be in. */
export const signInStatusSchema = z.enum([
  'needs_identifier',
  'needs_first_factor',
  'needs_second_factor',
  'needs_client_trust',
  'needs_new_password',
  'needs_protect_check',
  'complete',
  'abandoned',
])

/** The name, picture and initials source of the user being signed in. */
export const signInUserDataSchema = z.looseObject({
  first_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
  image_url: z.optional(z.string()),
  has_image: z.optional(z.boolean()),
})

/** A sign-in attempt (fapi.md 4.7); the wire says `sign_in_attempt`, clerk-js's types say `sign_in`. */
export const signInSchema = z.looseObject({
  object: z.enum(['sign_in_attempt', 'sign_in']),
  id: z.string(),
  status: signInStatusSchema,
  supported_identifiers: z._default(z.array(z.string()), []),
  identifier: z.nullish(z.string()),
  supported_first_factors: z.nullish(z.array(factorSchema)),
  supported_second_factors: z.nullish(z.array(factorSchema)),
  first_factor_verification: z.nullish(verificationSchema),
  second_factor_verification: z.nullish(verificationSchema),
  user_data: z.nullish(signInUserDataSchema),
  created_session_id: z.nullish(z.string()),
  abandon_at: timestampSchema,
  client_trust_state: z.optional(z.string()),
  protect_check: z.nullish(protectCheckSchema),
})

/** A sign-in as parsed. */
export type SignInJSON = z.output<typeof signInSchema>
/** A sign-in as the server may write it. */
export type SignInJSONInput = z.input<typeof signInSchema>
/** The state of a sign-in. */
export type SignInStatus = z.output<typeof signInStatusSchema>
