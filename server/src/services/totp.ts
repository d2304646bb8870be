import { randomBytes } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'

// MF-1: what every authenticator app understands (RFC 6238 defaults), one step of drift either way
const ALGORITHM = 'SHA1'
const DIGITS = 6
const PERIOD_SECONDS = 30
const WINDOW_STEPS = 1
/** MF-2: 160-bit keys (RFC 4226's recommended length for HMAC-SHA1). */
export const TOTP_SECRET_BYTES = 20

/** A fresh 160-bit TOTP key from the CSPRNG. */
export function generateTotpSecret(): Uint8Array {
  return new Uint8Array(randomBytes(TOTP_SECRET_BYTES))
}

/** The key as the base32 text users type into an authenticator app. */
export function totpSecretBase32(secret: Uint8Array): string {
  return new Secret({ buffer: Uint8Array.from(secret).buffer }).base32
}

/** The `otpauth://totp/...` URI authenticator apps scan (as a QR code) to enrol. */
export function totpUri(secret: Uint8Array, issuer: string, label: string): string {
  return new TOTP({
    issuer,
    label,
    secret: new Secret({ buffer: Uint8Array.from(secret).buffer }),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString()
}

/** The 30-second step `now` (ms) falls in. */
export function totpStep(now: number): number {
  return Math.floor(now / 1000 / PERIOD_SECONDS)
}

/**
 * The step a code belongs to when it is valid at `now` within ±1 step, else null. The caller refuses a
 * step at or before the last accepted one (replay, MF-1).
 */
export function matchTotpStep(secret: Uint8Array, code: string, now: number): number | null {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token))
    return null
  const delta = TOTP.validate({
    token,
    secret: new Secret({ buffer: Uint8Array.from(secret).buffer }),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
    timestamp: now,
    window: WINDOW_STEPS,
  })
  return delta === null ? null : totpStep(now) + delta
}
