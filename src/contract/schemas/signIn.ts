import * as z from 'zod'
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
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  image_url: z.string().optional(),
  has_image: z.boolean().optional(),
})

/** A sign-in attempt (fapi.md 4.7); the wire says `sign_in_attempt`, clerk-js's types say `sign_in`. */
export const signInSchema = z.looseObject({
  object: z.enum(['sign_in_attempt', 'sign_in']),
  id: z.string(),
  status: signInStatusSchema,
  supported_identifiers: z.array(z.string()).default([]),
  identifier: z.string().nullable().optional(),
  supported_first_factors: z.array(factorSchema).nullable().optional(),
  supported_second_factors: z.array(factorSchema).nullable().optional(),
  first_factor_verification: verificationSchema.nullable().optional(),
  second_factor_verification: verificationSchema.nullable().optional(),
  user_data: signInUserDataSchema.nullable().optional(),
  created_session_id: z.string().nullable().optional(),
  abandon_at: timestampSchema,
  client_trust_state: z.string().optional(),
  protect_check: protectCheckSchema.nullable().optional(),
})

/** A sign-in as parsed. */
export type SignInJSON = z.output<typeof signInSchema>
/** A sign-in as the server may write it. */
export type SignInJSONInput = z.input<typeof signInSchema>
/** The state of a sign-in. */
export type SignInStatus = z.output<typeof signInStatusSchema>
