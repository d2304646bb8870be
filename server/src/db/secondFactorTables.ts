/**
 * Tables of phone numbers and second factors (fapi.md 4.5, 4.11). Like the rest of the schema: ms
 * timestamps, no boolean columns (a flag is a nullable timestamp of when it was set).
 */
export interface SecondFactorTables {
  phone_numbers: PhoneNumberTable
  totps: TotpTable
  backup_codes: BackupCodeTable
  server_secrets: ServerSecretTable
}

/** A user's phone number in E.164 form; unique across users once verified (unverified claims are released). */
export interface PhoneNumberTable {
  id: string
  user_id: string
  /** E.164, e.g. `+14155552671`: already canonical, so it is also the uniqueness key. */
  phone_number: string
  verification_id: string | null
  /** When the number was reserved for second factor (null = not reserved). */
  reserved_for_second_factor_at: number | null
  /** When the number became the default second factor (at most one per user is non-null). */
  default_second_factor_at: number | null
  created_at: number
  updated_at: number
}

/** A user's authenticator app: one row per user, unverified until a first code proves the enrolment. */
export interface TotpTable {
  id: string
  user_id: string
  /** The 160-bit key, AES-256-GCM sealed (`secretBox`); never the base32 text. */
  secret_sealed: string
  verified_at: number | null
  /** The last 30-second step a code was accepted for: codes of this step or earlier are refused (MF-1). */
  last_used_step: number | null
  /** Wrong codes while enrolling (the enrolment fails at the cap). */
  attempts: number
  created_at: number
  updated_at: number
}

/** One backup code of a user's current set (argon2id hash, MF-5), spent by setting `used_at`. */
export interface BackupCodeTable {
  id: string
  user_id: string
  /** Every code generated together shares the set id (the `id` of the BackupCodes JSON). */
  set_id: string
  code_hash: string
  used_at: number | null
  created_at: number
}

/** Secrets the server generates for itself (the development encryption key). */
export interface ServerSecretTable {
  name: string
  value: string
  created_at: number
}
