import type { CheckAuthorizationParams } from '../../contract'
import type { Session } from './Session'
import { createCheckAuthorization, parseSessionClaims } from '../../contract'

export type { CheckAuthorizationParams }

/**
 * `has()` for a session, fed as clerk-js feeds it (fapi.md 6): the organization role and permissions
 * come from the user's membership in the session's active organization, features and plans from the
 * last token's claims, and factor ages from the session.
 */
export function checkSessionAuthorization(session: Session, params: CheckAuthorizationParams): boolean {
  const orgId = session.lastActiveOrganizationId
  const membership = orgId ? session.user?.organizationMemberships.find(m => m.organization.id === orgId) : undefined
  const claims = readClaims(session)
  return createCheckAuthorization({
    userId: session.user?.id,
    orgId,
    orgRole: membership?.role ?? null,
    orgPermissions: membership?.permissions ?? null,
    features: claims?.features ?? null,
    plans: claims?.plans ?? null,
    factorVerificationAge: session.factorVerificationAge,
  })(params)
}

function readClaims(session: Session): ReturnType<typeof parseSessionClaims> | null {
  const token = session.lastActiveToken
  if (!token)
    return null
  try {
    return parseSessionClaims(token.jwt.claims)
  }
  catch {
    // a token without sub/sid grants no feature or plan: fail closed
    return null
  }
}
