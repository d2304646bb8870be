import type { ClientJSON } from '../../contract'
import type { Client } from '../resources/Client'
import type { OrganizationMembership } from '../resources/OrganizationMembership'

/** The memberships of the last client, by the JSON they were built from. */
export type MembershipPool = Map<string, OrganizationMembership>

/**
 * Puts back the membership objects of the previous client whose wire form did not change, and
 * returns the pool for the next client. A client payload rebuilds every resource, but a Vue
 * consumer of the active organization (or of one membership) should not re-render because the
 * user's name changed: keeping their identity makes `organization !== previous` mean a real change.
 */
export function reuseMemberships(client: Client, json: ClientJSON | null, previous: MembershipPool): MembershipPool {
  const next: MembershipPool = new Map()
  client.sessions.forEach((session, index) => {
    const user = session.user
    const wire = json?.sessions[index]?.user?.organization_memberships
    if (!user || !wire)
      return
    user.organizationMemberships = user.organizationMemberships.map((membership, position) => {
      // the key holds the user too: two users' memberships of one organization differ in who may act
      const key = `${user.id}\u0000${JSON.stringify(wire[position])}`
      const kept = next.get(key) ?? previous.get(key) ?? membership
      next.set(key, kept)
      return kept
    })
  })
  return next
}
