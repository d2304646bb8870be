import * as z from 'zod'
import { timestampSchema } from './primitives'

/** Every state a FAPI verification can be in. */
export const verificationStatusSchema = z.enum(['unverified', 'verified', 'transferable', 'failed', 'expired'])

/** The error a failed OAuth/SSO verification carries. */
export const verificationErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  long_message: z.string().optional(),
})

/** The verification embedded in email addresses, phone numbers, sign-ins and sign-ups (fapi.md 4.6). */
export const verificationSchema = z.looseObject({
  object: z.string().optional(),
  status: verificationStatusSchema,
  // null before a strategy is prepared (sign-up verifications start like that)
  strategy: z.string().nullable(),
  attempts: z.number().int().nullable().optional(),
  expire_at: timestampSchema.nullable().optional(),
  nonce: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
  // clerk-js feeds this to `new URL()`, so it has to be absolute
  external_verification_redirect_url: z.url().nullable().optional(),
  error: verificationErrorSchema.nullable().optional(),
  verified_at_client: z.string().nullable().optional(),
  channel: z.string().nullable().optional(),
})

/** A sign-up verification: a verification plus what to do next and which strategies are possible. */
export const signUpVerificationSchema = verificationSchema.extend({
  next_action: z.enum(['needs_prepare', 'needs_attempt', '']).optional(),
  supported_strategies: z.array(z.string()).default([]),
})

/** The four verifications a sign-up tracks, each absent or null until it applies. */
export const signUpVerificationsSchema = z.looseObject({
  email_address: signUpVerificationSchema.nullable().optional(),
  phone_number: signUpVerificationSchema.nullable().optional(),
  web3_wallet: signUpVerificationSchema.nullable().optional(),
  external_account: signUpVerificationSchema.nullable().optional(),
})

/** A verification as parsed. */
export type VerificationJSON = z.output<typeof verificationSchema>
/** A verification as the server may write it. */
export type VerificationJSONInput = z.input<typeof verificationSchema>
/** The state of a verification. */
export type VerificationStatus = z.output<typeof verificationStatusSchema>
/** A sign-up verification as parsed. */
export type SignUpVerificationJSON = z.output<typeof signUpVerificationSchema>
/** The verifications of a sign-up as parsed. */
export type SignUpVerificationsJSON = z.output<typeof signUpVerificationsSchema>
