import type { Deps } from '../deps'
import type { ClientCredential } from '../middleware/clientIdentity'
import type { FormBody } from '../utils/formBody'
import { findTokenSession } from '../db/queries/tokenSession'
import { FapiError } from '../errors/fapiError'
import { field } from '../utils/formBody'
import { digestsEqual, sha256 } from '../utils/sha256'
import { resolveOrganization } from './organizations'
import { isSessionActive } from './sessionStatus'

// touch-free activity tracking on the token path: one write per session every few minutes at most
const ACTIVITY_GRANULARITY_MS = 5 * 60_000

/** A request for a session's token, as the middleware read it. */
export interface SessionTokenRequest {
  sessionId: string
  credential: ClientCredential | null
  form: FormBody
  /** The request's `azp` (see `azpOf`). */
  azp: string | null
  /** `?debug=skip_cache`: sign a new token even when a recent one exists. */
  skipCache: boolean
}

/**
 * `POST /v1/client/sessions/:id/tokens` (fapi.md 2.4): one indexed lookup of the session with the proof
 * of its client (cookie secret hash or dev-browser token hash), the organization asked for (or the
 * session's), activity tracking at most every few minutes, then the token. A session that is gone
 * (ended, expired, not this client's) is `401 signed_out`.
 */
export async function sessionTokenRequest(deps: Deps, request: SessionTokenRequest): Promise<{ object: 'token', jwt: string }> {
  const { db, clock, tokens, config } = deps
  const { credential } = request
  const now = clock()
  const row = credential
    ? await findTokenSession(db.kysely, request.sessionId, credential.kind === 'cookie' ? { clientId: credential.clientId } : { devBrowserTokenHash: sha256(credential.token) })
    : undefined
  const proven = row !== undefined && (credential?.kind !== 'cookie' || digestsEqual(row.client_secret_hash, sha256(credential.secret)))
  if (!proven || !isSessionActive(row, now))
    throw new FapiError('signed_out')
  const requested = field(request.form, 'organization_id')
  const organizationId = requested === undefined ? row.last_active_organization_id : await resolveOrganization(deps, row.user_id, requested)
  if (now - row.last_active_at > ACTIVITY_GRANULARITY_MS) {
    await db.kysely.updateTable('sessions')
      .set({ last_active_at: now, abandon_at: now + config.sessions.inactivityTimeoutSeconds * 1000 })
      .where('id', '=', row.id)
      .execute()
  }
  const jwt = await tokens.sessionToken({
    sessionId: row.id,
    userId: row.user_id,
    firstFactorVerifiedAt: row.first_factor_verified_at,
    secondFactorVerifiedAt: row.second_factor_verified_at,
    organizationId,
    azp: request.azp,
    skipCache: request.skipCache,
  })
  return { object: 'token', jwt }
}
