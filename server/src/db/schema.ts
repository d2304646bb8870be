import type { ImageTables } from './imageTables'
import type { OrganizationTables } from './organizationTables'
import type { SecondFactorTables } from './secondFactorTables'

/**
 * Table types for Kysely. Timestamps are integer milliseconds since the epoch (bigint on
 * PostgreSQL, integer on SQLite); JSON documents are stored as text; there are no boolean
 * columns (SQLite has none), state lives in status strings and nullable timestamps.
 */
export interface Database extends OrganizationTables, SecondFactorTables, ImageTables {
  signing_keys: SigningKeyTable
  clients: ClientTable
  dev_browsers: DevBrowserTable
  users: UserTable
  email_addresses: EmailAddressTable
  verifications: VerificationTable
  sign_ups: SignUpTable
  sign_ins: SignInTable
  sessions: SessionTable
  dev_inbox: DevInboxTable
}

/** An RS256 key pair; the oldest row signs, every row is published in the JWKS. */
export interface SigningKeyTable {
  kid: string
  algorithm: string
  private_jwk: string
  public_jwk: string
  created_at: number
}

/** A browser (or device): the `__client` cookie names it by id and proves it with a secret. */
export interface ClientTable {
  id: string
  /** SHA-256 (hex) of the cookie secret; the secret itself is never stored. */
  secret_hash: string
  last_active_session_id: string | null
  sign_in_id: string | null
  sign_up_id: string | null
  last_authentication_strategy: string | null
  cookie_expires_at: number | null
  created_at: number
  updated_at: number
}

/** A development-browser token (`__clerk_db_jwt`), bound to at most one client. */
export interface DevBrowserTable {
  id: string
  /** SHA-256 (hex) of the token; the token is the credential, so only its hash is kept. */
  token_hash: string
  client_id: string | null
  created_at: number
}

/** An account: profile, password hash, metadata and lockout state. */
export interface UserTable {
  id: string
  username: string | null
  /** Lower-cased username, unique: usernames are case-insensitive. */
  username_normalized: string | null
  first_name: string | null
  last_name: string | null
  password_hash: string | null
  password_updated_at: number | null
  primary_email_address_id: string | null
  public_metadata: string
  private_metadata: string
  unsafe_metadata: string
  failed_sign_in_attempts: number
  locked_until: number | null
  last_sign_in_at: number | null
  legal_accepted_at: number | null
  /** The current profile image (`images.id`); null = none, initials are shown. */
  image_id: string | null
  created_at: number
  updated_at: number
}

/** An email address of a user; verified once its verification is. */
export interface EmailAddressTable {
  id: string
  user_id: string
  email_address: string
  /** Canonical form, unique across all users: emails are case-insensitive. */
  email_normalized: string
  verification_id: string | null
  created_at: number
  updated_at: number
}

/** One verification (a one-time code, or a record that a factor was checked). */
export interface VerificationTable {
  id: string
  strategy: string
  /** `unverified | verified | failed | expired`; `expired` is also derived from `expire_at`. */
  status: string
  /** SHA-256 (hex) of id + code; null for strategies without a code. */
  code_hash: string | null
  attempts: number
  expire_at: number | null
  sent_at: number | null
  verified_at: number | null
  /** The email address (or its id) the code was sent to. */
  target: string | null
  created_at: number
  updated_at: number
}

/** A sign-up in progress (or completed) on one client. */
export interface SignUpTable {
  id: string
  client_id: string
  status: string
  email_address: string | null
  email_normalized: string | null
  username: string | null
  first_name: string | null
  last_name: string | null
  /** The argon2id hash until the user exists, then '' (the user row keeps the only copy). */
  password_hash: string | null
  unsafe_metadata: string
  legal_accepted_at: number | null
  locale: string | null
  email_verification_id: string | null
  /** E.164, when the sign-up collects a phone number. */
  phone_number: string | null
  phone_verification_id: string | null
  created_user_id: string | null
  created_session_id: string | null
  abandon_at: number
  created_at: number
  updated_at: number
}

/** A sign-in in progress (or completed) on one client. */
export interface SignInTable {
  id: string
  client_id: string
  status: string
  identifier: string | null
  user_id: string | null
  first_factor_verification_id: string | null
  /** Set once the first factor passed while a second factor is awaited: how, and when (the challenge's start). */
  first_factor_strategy: string | null
  first_factor_verified_at: number | null
  /** The second-factor challenge (strategy, attempts, SMS code), once one is prepared or attempted. */
  second_factor_verification_id: string | null
  created_session_id: string | null
  abandon_at: number
  created_at: number
  updated_at: number
}

/** A signed-in session of a user on a client. */
export interface SessionTable {
  id: string
  client_id: string
  user_id: string
  /** Stored state: `active | ended | removed | revoked`; `expired` and `abandoned` come from time. */
  status: string
  last_active_at: number
  last_active_organization_id: string | null
  /** End of the maximum lifetime. */
  expire_at: number
  /** End of the inactivity window, slid forward by activity. */
  abandon_at: number
  first_factor_verified_at: number
  /** When this session last proved a second factor (null: never, or the user has none). */
  second_factor_verified_at: number | null
  user_agent: string | null
  ip_address: string | null
  created_at: number
  updated_at: number
}

/** Development mail and SMS, shown at `/dev/inbox`. */
export interface DevInboxTable {
  id: string
  channel: string
  to_address: string
  subject: string
  body: string
  code: string | null
  created_at: number
}
