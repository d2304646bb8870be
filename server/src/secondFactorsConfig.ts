import * as z from 'zod'

// ISO 3166-1 alpha-2, the region libphonenumber assumes for numbers written without +<country>
const REGION = /^[A-Z]{2}$/

/**
 * `config.phoneNumbers`: phone numbers on the user, verified by SMS code (fapi.md 2.5, 4.5). Off by
 * default: texting needs an SMS sender (`createApp({ smsSender })`) outside development.
 */
export const phoneNumbersConfigSchema = z.object({
  /**
   * Users may add phone numbers (E.164) and verify them with an SMS code; sign-up then offers one too,
   * as Clerk does when the phone attribute is on.
   */
  enabled: z.boolean().default(false),
  /** Sign in with a verified phone number and an SMS code (`phone_code` first factor). */
  signIn: z.boolean().default(false),
  /** `required`: every sign-up gives a phone number and verifies it by SMS before the account exists. */
  signUp: z.enum(['optional', 'required']).default('optional'),
  /** The region of numbers typed without `+<country code>`, e.g. `US`; unset = only international numbers. */
  defaultCountry: z.string().regex(REGION, 'an ISO 3166-1 alpha-2 region such as US').optional(),
  /** Phone numbers one user may hold. */
  maxPerUser: z.number().int().min(1).max(50).default(10),
})

/** `config.secondFactors`: multi-factor sign-in (MF-1..MF-7). */
export const secondFactorsConfigSchema = z.object({
  /** Authenticator apps (TOTP, RFC 6238: SHA-1, 6 digits, 30 s steps, ±1 step). */
  totp: z.boolean().default(true),
  /** SMS codes to a verified phone number reserved for second factor (needs `phoneNumbers.enabled`). */
  phoneCode: z.boolean().default(true),
  /** Single-use backup codes, generated once a second factor is on. */
  backupCodes: z.boolean().default(true),
  /** Wrong second-factor codes one sign-in allows before it ends (MF-3: 5). */
  maxAttempts: z.number().int().min(1).max(10).default(5),
  /** How long a sign-in waits for its second factor after the first one (MF-4: 10 minutes). */
  challengeTtlSeconds: z.number().int().min(60).max(3600).default(600),
  /**
   * The issuer authenticator apps show next to the account.
   * @default applicationName
   */
  issuer: z.string().min(1).max(64).optional(),
})

/** The phone-number configuration with its defaults filled in. */
export type PhoneNumbersConfig = z.output<typeof phoneNumbersConfigSchema>
/** The second-factor configuration with its defaults filled in. */
export type SecondFactorsConfig = z.output<typeof secondFactorsConfigSchema>
