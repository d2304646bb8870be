import type { ClientState } from './clientState'
import { decodeJwt, parseSessionClaims } from '../../contract'

// the custom permissions tokens can carry (`org:<feature>:<action>`); system ones never travel in them
const TOKEN_PERMISSION = /^org:(?!sys_)[^:]+:[^:]+$/

/**
 * True when a session token of the current session says something else about its active organization
 * than the client state does: another role, other custom permissions, or no membership at all. The
 * server mints each token from its current data; the client is only as fresh as the last answer that
 * carried it.
 */
export function organizationClaimsDiffer(jwt: string, state: ClientState): boolean {
  const session = state.session
  const orgId = session?.lastActiveOrganizationId ?? null
  if (!session || !orgId)
    return false
  let claims
  try {
    claims = parseSessionClaims(decodeJwt(jwt).claims)
  }
  catch {
    return false // not ours to judge: the token cache already refuses what it cannot read
  }
  if (claims.sessionId !== session.id)
    return false
  const membership = state.user?.organizationMemberships.find(m => m.organization.id === orgId)
  // no organization in the token: the server no longer counts the user a member
  if (claims.orgId !== orgId)
    return membership !== undefined
  if (!membership || membership.role !== claims.orgRole)
    return true
  const held = membership.permissions.filter(permission => TOKEN_PERMISSION.test(permission)).sort()
  const carried = [...(claims.orgPermissions ?? [])].sort()
  return held.join() !== carried.join()
}
