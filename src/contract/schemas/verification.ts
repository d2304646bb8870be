import * as z from 'zod/mini'
import { timestampSchema } from './primitives'

/** Every state a FAPI verification can be in. */
export const verificationStatusSchema = z.enum(['unverified', 'verified', 'transferable', 'failed', 'expired'])

/** The error a failed OAuth/SSO verification carries. */
export const verificationErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  long_message: z.optional(z.string()),
})

/** The verification embedded in email addresses, phone numbers, sign-ins and sign-ups (fapi.md 4.6). */
export const verificationSchema = z.looseObject({
  object: z.optional(z.string()),
  status: verificationStatusSchema,
  // null before a strategy is prepared (sign-up verifications start like that)
  strategy: z.nullable(z.string()),
  attempts: z.nullish(z.int()),
  expire_at: z.nullish(timestampSchema),
  nonce: z.nullish(z.string()),
  message: z.nullish(z.string()),
  // clerk-js feeds this to `new URL()`, so it has to be absolute
  external_verification_redirect_url: z.nullish(z.url()),
  error: z.nullish(verificationErrorSchema),
  verified_at_client: z.nullish(z.string()),
  channel: z.nullish(z.string()),
})

/** A sign-up verification: a verification plus what to do next and which strategies are possible. */
export const signUpVerificationSchema = z.extend(verificationSchema, {
  next_action: z.optional(z.enum(['needs_prepare', 'needs_attempt', ''])),
  supported_strategies: z._default(z.array(z.string()), []),
})

/** The four verifications a sign-up tracks, each absent or null until it applies. */
export const signUpVerificationsSchema = z.looseObject({
  email_address: z.nullish(signUpVerificationSchema),
  phone_number: z.nullish(signUpVerificationSchema),
  web3_wallet: z.nullish(signUpVerificationSchema),
  external_account: z.nullish(signUpVerificationSchema),
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
