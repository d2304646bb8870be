import * as z from 'zod/mini'
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

const jsonObject = z.record(z.string(), z.unknown())

function decodeSegment(segment: string, what: 'header' | 'payload'): Record<string, unknown> {
  let json: unknown
  try {
    json = JSON.parse(decodeBase64(segment, 'base64url'))
  }
  catch {
    throw new Error(`[portico] Invalid JWT: the ${what} is not base64url-encoded JSON`)
  }
  const parsed = jsonObject.safeParse(json)
  if (!parsed.success)
    throw new Error(`[portico] Invalid JWT: the ${what} is not a JSON object`)
  return parsed.data
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

// Only `sub` and `sid` are required; every other claim falls back to "absent" when malformed so that
// authorization checks built on it fail closed instead of throwing.
const rawClaimsSchema = z.looseObject({
  sub: z.string().check(z.minLength(1)),
  sid: z.string().check(z.minLength(1)),
  v: z.catch(z.optional(z.number()), undefined),
  sts: z.catch(z.optional(z.string()), undefined),
  iss: z.catch(z.optional(z.string()), undefined),
  azp: z.catch(z.optional(z.string()), undefined),
  iat: z.catch(z.optional(z.number()), undefined),
  exp: z.catch(z.optional(z.number()), undefined),
  nbf: z.catch(z.optional(z.number()), undefined),
  fva: z.catch(z.optional(z.tuple([z.int().check(z.minimum(-1)), z.int().check(z.minimum(-1))])), undefined),
  act: z.catch(z.optional(z.looseObject({ sub: z.string() })), undefined),
  org_id: z.catch(z.optional(z.string()), undefined),
  org_role: z.catch(z.optional(z.string()), undefined),
  org_slug: z.catch(z.optional(z.string()), undefined),
  org_permissions: z.catch(z.optional(z.array(z.string())), undefined),
  o: z.catch(z.optional(z.looseObject({
    id: z.string(),
    slg: z.catch(z.optional(z.string()), undefined),
    rol: z.catch(z.optional(z.string()), undefined),
    per: z.catch(z.optional(z.string()), undefined),
    fpm: z.catch(z.optional(z.string()), undefined),
  })), undefined),
})

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
  const parsed = rawClaimsSchema.safeParse(claims)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`[portico] Invalid session token claims: ${issue?.path.join('.') || 'claims'} is missing or not a non-empty string`)
  }
  const c = parsed.data
  const features = splitClaimList(c.fea)
  const plans = splitClaimList(c.pla)
  const base = {
    sessionId: c.sid,
    userId: c.sub,
    status: c.sts ?? null,
    features,
    plans,
    factorVerificationAge: c.fva ? [c.fva[0], c.fva[1]] as [number, number] : null,
    actor: (c.act as SessionActor | undefined) ?? null,
    issuer: c.iss ?? null,
    authorizedParty: c.azp ?? null,
    issuedAt: c.iat ?? null,
    expiresAt: c.exp ?? null,
    notBefore: c.nbf ?? null,
    claims,
  }
  if (c.v === 2) {
    const org = c.o
    return {
      ...base,
      version: 2,
      orgId: org?.id ?? null,
      orgRole: org?.rol ? withOrgPrefix(org.rol) : null,
      orgSlug: org?.slg ?? null,
      orgPermissions: org ? decodeOrgPermissions(features, org.per, org.fpm) : null,
    }
  }
  const orgId = c.org_id || null
  return {
    ...base,
    version: 1,
    orgId,
    orgRole: orgId ? c.org_role ?? null : null,
    orgSlug: orgId ? c.org_slug ?? null : null,
    orgPermissions: orgId ? c.org_permissions ?? [] : null,
  }
}
