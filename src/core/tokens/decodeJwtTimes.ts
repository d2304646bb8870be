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
  const parts = jwt.split('.')
  if (parts.length !== 3 || parts[1] === undefined)
    return null
  const json = decodeBase64Url(parts[1])
  if (json === null)
    return null
  let payload: unknown
  try {
    payload = JSON.parse(json)
  }
  catch {
    return null
  }
  if (typeof payload !== 'object' || payload === null)
    return null
  const { iat, exp } = payload as Record<string, unknown>
  if (!isFiniteNumber(iat) || !isFiniteNumber(exp) || exp <= iat)
    return null
  return { iat, exp }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** base64url -> UTF-8 text with browser globals only (no Buffer: this runs in the browser). */
function decodeBase64Url(segment: string): string | null {
  if (!/^[\w-]+$/.test(segment))
    return null
  const base64 = segment.replaceAll('-', '+').replaceAll('_', '/').padEnd(Math.ceil(segment.length / 4) * 4, '=')
  try {
    const binary = atob(base64)
    const bytes = Uint8Array.from(binary, char => char.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  }
  catch {
    return null
  }
}
