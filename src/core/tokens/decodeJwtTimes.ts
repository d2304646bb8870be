import { decodeJwt } from '../../contract'

/** The two registered claims the token cache needs from a JWT, in seconds since the epoch. */
export interface JwtTimes {
  /** `iat`: when the token was issued. */
  iat: number
  /** `exp`: when the token expires. */
  exp: number
}

/**
 * Reads `iat` and `exp` from a compact JWS without verifying it (the cache never trusts a token,
 * it only needs to know when to replace it); returns `null` for anything that is not a
 * three-part JWT whose payload holds numeric `iat < exp`.
 */
export function decodeJwtTimes(jwt: string): JwtTimes | null {
  let claims: Record<string, unknown>
  try {
    claims = decodeJwt(jwt).claims
  }
  catch {
    return null
  }
  const { iat, exp } = claims
  if (!isFiniteNumber(iat) || !isFiniteNumber(exp) || exp <= iat)
    return null
  return { iat, exp }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
