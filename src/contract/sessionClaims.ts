import { decodeBase64 } from './base64'
import { withOrgPrefix } from './orgPrefix'
import { parseScopedEntry, splitClaimList } from './scopedEntry'

/** A JWT split into its decoded header and claims; the signature is kept as-is and never verified here. */
export interface DecodedJwt {
  header: Record<string, unknown>
  claims: Record<string, unknown>
  /** The base64url signature segment. */
  signature: string
  /** The compact token that was decoded. */
  raw: string
}

/** The impersonation actor of a session (`act` claim / `session.actor`). */
export interface SessionActor {
  sub: string
  iss?: string
  sid?: string
  type?: string
  [key: string]: unknown
}

/** Session-token claims normalized across the v1 and v2 token formats (fapi.md 5.1). */
export interface SessionClaims {
  /** 2 when the token carries `v: 2`, otherwise 1. */
  version: 1 | 2
  sessionId: string
  userId: string
  /** `sts`: `active` or `pending`; null when the token does not say. */
  status: string | null
  orgId: string | null
  /** Always `org:`-prefixed for v2 tokens; v1 tokens carry it prefixed already. */
  orgRole: string | null
  orgSlug: string | null
  /** `org:<feature>:<permission>` entries; null when no organization is active. */
  orgPermissions: string[] | null
  /** Raw `fea` entries, e.g. `o:impersonation`. */
  features: string[]
  /** Raw `pla` entries, e.g. `u:free`. */
  plans: string[]
  /** `[minutesSinceFirstFactor, minutesSinceSecondFactor]`, -1 meaning not enrolled; null if absent or malformed. */
  factorVerificationAge: [number, number] | null
  actor: SessionActor | null
  issuer: string | null
  authorizedParty: string | null
  /** Seconds since the epoch, like every JWT time claim. */
  issuedAt: number | null
  expiresAt: number | null
  notBefore: number | null
  /** The claims exactly as decoded. */
  claims: Record<string, unknown>
}

function decodeSegment(segment: string, what: 'header' | 'payload'): Record<string, unknown> {
  let json: unknown
  try {
    json = JSON.parse(decodeBase64(segment, 'base64url'))
  }
  catch {
    throw new Error(`[portico] Invalid JWT: the ${what} is not base64url-encoded JSON`)
  }
  if (!isJsonObject(json))
    throw new Error(`[portico] Invalid JWT: the ${what} is not a JSON object`)
  return json
}

/**
 * Decodes a compact JWS without verifying it (the server and backend SDKs verify; the browser only reads).
 *
 * @example
 * const { claims } = decodeJwt(session.last_active_token.jwt)
 */
export function decodeJwt(jwt: string): DecodedJwt {
  if (typeof jwt !== 'string' || jwt.length === 0)
    throw new Error('[portico] Invalid JWT: expected a non-empty string')
  const segments = jwt.split('.')
  if (segments.length !== 3)
    throw new Error(`[portico] Invalid JWT: expected 3 dot-separated segments, got ${segments.length}`)
  const [header, payload, signature] = segments as [string, string, string]
  return {
    header: decodeSegment(header, 'header'),
    claims: decodeSegment(payload, 'payload'),
    signature,
    raw: jwt,
  }
}

// Only `sub` and `sid` are required; every other claim reads as absent when malformed, so that
// authorization checks built on it fail closed instead of throwing. Hand-written rather than a schema:
// this runs on every token in production, where the SDK ships without zod.
function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

// `[minutes since first factor, minutes since second factor]`, -1 meaning "not enrolled"
function factorAges(value: unknown): [number, number] | undefined {
  const isAge = (age: unknown): age is number => Number.isInteger(age) && (age as number) >= -1
  return Array.isArray(value) && value.length === 2 && isAge(value[0]) && isAge(value[1]) ? [value[0], value[1]] : undefined
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every(item => typeof item === 'string') ? value : undefined
}

/** The v2 `o` claim: the active organization, when it has an id. */
function orgClaim(value: unknown): { id: string, slg?: string, rol?: string, per?: string, fpm?: string } | undefined {
  if (!isJsonObject(value) || typeof value.id !== 'string')
    return undefined
  return { id: value.id, slg: optionalString(value.slg), rol: optionalString(value.rol), per: optionalString(value.per), fpm: optionalString(value.fpm) }
}

/**
 * Expands the v2 `o.per` / `o.fpm` pair into `org:<feature>:<permission>` strings. `fpm[i]` is a decimal
 * bitmask for the i-th org-scoped `fea` entry; bit j (least significant first) grants `per[j]`.
 */
export function decodeOrgPermissions(features: readonly string[], per: string | undefined, fpm: string | undefined): string[] {
  const permissions = splitClaimList(per)
  const masks = (fpm ?? '').split(',').map(mask => mask.trim())
  const orgFeatures: string[] = []
  for (const entry of features) {
    const parsed = parseScopedEntry(entry)
    // one unreadable entry would shift every later mask onto the wrong feature: grant nothing
    if (!parsed)
      return []
    if (parsed.scopes.has('o'))
      orgFeatures.push(parsed.name)
  }
  const granted: string[] = []
  orgFeatures.forEach((feature, index) => {
    const mask = masks[index]
    if (mask === undefined || !/^\d+$/.test(mask))
      return
    // BigInt keeps masks wider than 53 bits exact
    const bits = BigInt(mask)
    permissions.forEach((permission, bit) => {
      if ((bits >> BigInt(bit)) & 1n)
        granted.push(`org:${feature}:${permission}`)
    })
  })
  return granted
}

/**
 * Normalizes session-token claims of either token version into one shape; throws when `sub` or `sid` is missing.
 *
 * @example
 * const claims = parseSessionClaims(decodeJwt(jwt).claims)
 * claims.orgPermissions // ['org:memberships:read', ...]
 */
export function parseSessionClaims(claims: Record<string, unknown>): SessionClaims {
  const missing = !isJsonObject(claims) ? 'claims' : ['sub', 'sid'].find(name => typeof claims[name] !== 'string' || claims[name] === '')
  if (missing)
    throw new Error(`[portico] Invalid session token claims: ${missing} is missing or not a non-empty string`)
  const features = splitClaimList(claims.fea)
  const plans = splitClaimList(claims.pla)
  const base = {
    sessionId: claims.sid as string,
    userId: claims.sub as string,
    status: optionalString(claims.sts) ?? null,
    features,
    plans,
    factorVerificationAge: factorAges(claims.fva) ?? null,
    actor: isJsonObject(claims.act) && typeof claims.act.sub === 'string' ? claims.act as SessionActor : null,
    issuer: optionalString(claims.iss) ?? null,
    authorizedParty: optionalString(claims.azp) ?? null,
    issuedAt: optionalNumber(claims.iat) ?? null,
    expiresAt: optionalNumber(claims.exp) ?? null,
    notBefore: optionalNumber(claims.nbf) ?? null,
    claims,
  }
  if (optionalNumber(claims.v) === 2) {
    const org = orgClaim(claims.o)
    return {
      ...base,
      version: 2,
      orgId: org?.id ?? null,
      orgRole: org?.rol ? withOrgPrefix(org.rol) : null,
      orgSlug: org?.slg ?? null,
      orgPermissions: org ? decodeOrgPermissions(features, org.per, org.fpm) : null,
    }
  }
  const orgId = optionalString(claims.org_id) || null
  return {
    ...base,
    version: 1,
    orgId,
    orgRole: orgId ? optionalString(claims.org_role) ?? null : null,
    orgSlug: orgId ? optionalString(claims.org_slug) ?? null : null,
    orgPermissions: orgId ? stringList(claims.org_permissions) ?? [] : null,
  }
}
