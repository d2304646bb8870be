import type { JWK } from 'jose'
import type { PorticoConfig } from '../config'
import type { Db } from '../db/createDb'
import type { Clock } from '../utils/clock'
import type { SigningKeys } from './signingKeys'
import { organizationClaims } from './organizationClaims'
import { loadSigningKeys } from './signingKeys'

/** What a session token is minted from. */
export interface SessionTokenInput {
  sessionId: string
  userId: string
  /** When the session's first factor was checked (ms), for the `fva` claim. */
  firstFactorVerifiedAt: number
  /** When the session last proved a second factor (ms); null or absent = none (`fva` second number -1). */
  secondFactorVerifiedAt?: number | null
  /** The active organization, or null for the personal account. */
  organizationId?: string | null
  /** Claims the organization layer adds (`o`, ...); part of the reuse key through `organizationId`. */
  extraClaims?: Record<string, unknown>
  /** The authorized party: the page's origin. */
  azp: string | null
  /** Mint a new token even when a recent one exists (`debug=skip_cache`). */
  skipCache?: boolean
}

/** Session JWTs (RS256) and the JWKS that verifies them. */
export interface Tokens {
  sessionToken: (input: SessionTokenInput) => Promise<string>
  jwks: () => Promise<{ keys: JWK[] }>
  /** Forgets reusable tokens of a session (after it ends, or its claims change). */
  forget: (sessionId: string) => void
}

const MAX_CACHED = 10_000

/**
 * Mints session tokens per fapi.md 5.1: RS256 with `kid`, `iat`, `nbf = iat - 10`, `exp = iat + lifetime`,
 * `iss`, `sub`, `sid`, `azp`, `fva`, `sts`, `v: 2`. A token minted within the last `tokenReuseSeconds`
 * for the same session, organization and origin is served again, as Clerk's FAPI does: the poller of
 * every open tab then costs a lookup instead of a signature.
 */
export function createTokens({ db, config, clock }: { db: Db, config: PorticoConfig, clock: Clock }): Tokens {
  const { tokenLifetimeSeconds, tokenReuseSeconds } = config.sessions
  const issuer = new URL(config.publicUrl).origin
  const recent = new Map<string, { jwt: string, at: number }>()
  let keys: Promise<SigningKeys> | undefined

  function signingKeys(): Promise<SigningKeys> {
    keys ??= loadSigningKeys(db, clock).catch((error) => {
      keys = undefined
      throw error
    })
    return keys
  }

  return {
    async sessionToken(input) {
      const now = clock()
      const cacheKey = `${input.sessionId}\u0000${input.organizationId ?? ''}\u0000${input.azp ?? ''}`
      const hit = recent.get(cacheKey)
      if (hit && !input.skipCache && now >= hit.at && now - hit.at < tokenReuseSeconds * 1000)
        return hit.jwt

      const { signer } = await signingKeys()
      const iat = Math.floor(now / 1000)
      const firstFactorAge = Math.max(0, Math.floor((now - input.firstFactorVerifiedAt) / 60_000))
      const secondFactorAge = input.secondFactorVerifiedAt == null ? -1 : Math.max(0, Math.floor((now - input.secondFactorVerifiedAt) / 60_000))
      // the active organization's claims are read at minting time, so a role change shows in the next token
      const orgClaims = input.organizationId ? await organizationClaims(db.kysely, config, input.userId, input.organizationId) : {}
      const jwt = await signer.sign({
        ...orgClaims,
        ...input.extraClaims,
        ...(input.azp ? { azp: input.azp } : {}),
        exp: iat + tokenLifetimeSeconds,
        // -1: no second factor verified in this session (the user has none)
        fva: [firstFactorAge, secondFactorAge],
        iat,
        iss: issuer,
        nbf: iat - 10,
        sid: input.sessionId,
        sts: 'active',
        sub: input.userId,
        // v1 tokens carry no version claim (their organization claims are org_*)
        ...(config.organizations.tokenClaimsVersion === 2 ? { v: 2 } : {}),
      })

      if (tokenReuseSeconds > 0) {
        recent.delete(cacheKey)
        if (recent.size >= MAX_CACHED)
          recent.delete(recent.keys().next().value!)
        recent.set(cacheKey, { jwt, at: now })
      }
      return jwt
    },
    async jwks() {
      return { keys: (await signingKeys()).publicJwks }
    },
    forget(sessionId) {
      for (const key of recent.keys()) {
        if (key.startsWith(`${sessionId}\u0000`))
          recent.delete(key)
      }
    },
  }
}
