import * as z from 'zod'
import { organizationsConfigSchema } from './organizationsConfig'
import { phoneNumbersConfigSchema, secondFactorsConfigSchema } from './secondFactorsConfig'

const fieldSetting = z.enum(['off', 'optional', 'required'])

const signUpSchema = z.object({
  /** Email is the one identifier every account has. */
  emailAddress: z.literal('required').default('required'),
  password: fieldSetting.default('required'),
  firstName: fieldSetting.default('off'),
  lastName: fieldSetting.default('off'),
  username: fieldSetting.default('off'),
  /** Ask for `legal_accepted` at sign-up. */
  legalConsent: z.boolean().default(false),
})

const sessionsSchema = z.object({
  /** A session not used for this long is abandoned (SE-6: 7 days). */
  inactivityTimeoutSeconds: z.number().int().positive().default(7 * 24 * 3600),
  /** A session ends this long after sign-in whatever happens (SE-6: 30 days). */
  maxLifetimeSeconds: z.number().int().positive().default(30 * 24 * 3600),
  /** Session JWT lifetime (Clerk: 60 s). */
  tokenLifetimeSeconds: z.number().int().min(10).max(3600).default(60),
  /** A token minted this recently for the same session and organization is served again. */
  tokenReuseSeconds: z.number().int().min(0).max(30).default(5),
})

const passwordsSchema = z.object({
  /** Minimum length in Unicode code points (PW-1: never below 8). */
  minLength: z.number().int().min(8).max(64).default(8),
  /** Maximum length in Unicode code points (PW-1: at least 64 must be accepted). */
  maxLength: z.number().int().min(64).max(1024).default(128),
  /** Reject the 10,000 most common passwords (`form_password_pwned`). */
  rejectCommon: z.boolean().default(true),
  /**
   * argon2id hashes (and verifications) running at once, 19 MiB each (PW-6). Above libuv's thread pool
   * (`UV_THREADPOOL_SIZE`, 4 by default) they queue there instead, ahead of file and crypto work.
   * @default os.availableParallelism()
   */
  hashConcurrency: z.number().int().min(1).max(256).optional(),
  /**
   * Hashes that may wait for a slot; one more is refused with `503 service_unavailable` + `Retry-After`.
   * 64 per slot drain in about a second at 15 ms of CPU per hash, OWASP's bound on hashing time.
   * @default 64 x hashConcurrency
   */
  maxQueuedHashes: z.number().int().min(0).max(100_000).optional(),
})

const lockoutSchema = z.object({
  /** Consecutive failed sign-ins that lock an account (TH-1: 3..100). */
  maxAttempts: z.number().int().min(3).max(100).default(10),
  durationSeconds: z.number().int().positive().default(3600),
})

const codesSchema = z.object({
  ttlSeconds: z.number().int().min(60).max(3600).default(600),
  /** Wrong codes allowed per code before it fails (MF-6: 5). */
  maxAttempts: z.number().int().min(1).max(10).default(5),
  /** Minimum delay between two codes sent for the same verification. */
  resendCooldownSeconds: z.number().int().min(0).max(600).default(30),
})

// an absolute http(s) URL, or a path (`/sign-up`) resolved against the app's origin
const appPageSchema = z.string().refine(
  value => (value.startsWith('/') && !value.startsWith('//')) || (/^https?:\/\//i.test(value) && URL.canParse(value)),
  'an absolute http(s) URL or a path starting with /',
)

/** The server configuration, validated; every field has a default (see the README's Server section). */
export const configSchema = z.object({
  /** Shown in emails and in the environment's `display_config.application_name`. */
  applicationName: z.string().min(1).default('Portico'),
  /** `development` enables the dev browser, `+clerk_test` codes and the dev inbox by default. */
  instanceType: z.enum(['development', 'production']).default('development'),
  /** The server's own public URL: the JWT issuer, and the `azp` when a request names no origin. */
  publicUrl: z.url().default('http://localhost:4000'),
  /** Origins (scheme://host[:port]) allowed to call the API with credentials. */
  allowedOrigins: z.array(z.string()).default([]),
  /**
   * Also allow any http://localhost:<port> and http://127.0.0.1:<port> origin.
   * @default true in development, false in production
   */
  allowLoopbackOrigins: z.boolean().optional(),
  /**
   * Your app's sign-in and sign-up pages, where invitation links lead (with `__clerk_ticket` and
   * `__clerk_status`): absolute URLs, or paths on the first allowed origin.
   * @default `organizations.invitationUrl`, else the first allowed origin, else `publicUrl`
   */
  signInUrl: appPageSchema.optional(),
  signUpUrl: appPageSchema.optional(),
  /** `single`: one signed-in account per browser; `multi`: several. */
  sessionMode: z.enum(['single', 'multi']).default('single'),
  signUp: signUpSchema.prefault({}),
  sessions: sessionsSchema.prefault({}),
  passwords: passwordsSchema.prefault({}),
  lockout: lockoutSchema.prefault({}),
  codes: codesSchema.prefault({}),
  /** Users may delete their own account (`DELETE /v1/me`). */
  allowDeleteSelf: z.boolean().default(true),
  /** Real mail via nodemailer, e.g. `smtp://user:pass@host:587`; unset = dev inbox only. */
  smtpUrl: z.string().optional(),
  /** The sender of every email. */
  mailFrom: z.string().default('Portico <no-reply@localhost>'),
  /**
   * Keep mail in the database and serve it at `/dev/inbox` (never on a public server).
   * @default true in development without `smtpUrl`, false otherwise
   */
  devInbox: z.boolean().optional(),
  /** Take the client IP from `X-Forwarded-For` (only behind a proxy you trust). */
  trustProxy: z.boolean().default(false),
  /** Organizations, roles and permissions (see organizationsConfig.ts). */
  organizations: organizationsConfigSchema.prefault({}),
  /** Phone numbers on the user, phone sign-in and sign-up (see secondFactorsConfig.ts). */
  phoneNumbers: phoneNumbersConfigSchema.prefault({}),
  /** Authenticator apps, SMS codes and backup codes as second factors (see secondFactorsConfig.ts). */
  secondFactors: secondFactorsConfigSchema.prefault({}),
  /**
   * 32 bytes (64 hex or base64 characters) that seal TOTP keys at rest with AES-256-GCM; env
   * `PORTICO_ENCRYPTION_KEY`. Required in production; a development instance without one generates a
   * key and keeps it in its own database.
   */
  encryptionKey: z.string().trim().regex(/^(?:[0-9a-f]{64}|[\w+/-]{43}=?)$/i, 'a 32-byte key: 64 hex characters or 43-44 base64 characters').optional(),
})

/** A validated configuration with every default filled in. */
export type PorticoConfig = z.output<typeof configSchema>
/** A configuration as written in a file or passed to `defineConfig` (every field optional). */
export type PorticoConfigInput = z.input<typeof configSchema>

/** Validates a configuration object and fills in the defaults. */
export function defineConfig(input: PorticoConfigInput = {}): PorticoConfig {
  return configSchema.parse(input)
}
