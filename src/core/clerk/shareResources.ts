import type { ClientJSON, SessionJSON, UserJSON } from '../../contract'
import type { Client } from '../resources/Client'
import type { Session } from '../resources/Session'
import type { User } from '../resources/User'
import { clientFingerprint } from './clientState'

/** The resources of the last client, by the wire form they were built from. */
export type ResourcePool = Map<string, PoolEntry>

interface PoolEntry {
  resource: object
  /** The resource's own field values when it was pooled: any reassignment since shows it was mutated. */
  fields: unknown[]
}

/**
 * Structural sharing between two client snapshots: puts back into `client` (freshly built from
 * `json`) every session, user, organization membership, sign-in and sign-up of the previous client
 * whose wire form did not change, and returns the pool for the next client. A sign-in step then
 * leaves `clerk.user` the very same object, so a Vue component reading only the user does not
 * re-render; `user !== previous` means the user changed.
 *
 * Session tokens are not part of a session's key (fresh ones land on the kept object), and a pooled
 * object that a resource method has rewritten since (`fromJSON` on itself) is never reused.
 */
export function shareResources(client: Client, json: ClientJSON | null, pool: ResourcePool, previous?: Client): ResourcePool {
  const next: ResourcePool = new Map()

  function share<T extends object>(key: string, built: T): T {
    const entry = next.get(key) ?? pool.get(key)
    const kept = entry && !rewritten(entry) ? entry.resource as T : built
    next.set(key, { resource: kept, fields: fieldsOf(kept) })
    return kept
  }

  if (json) {
    client.sessions = client.sessions.map((session, index) => {
      const wire = json.sessions[index]
      return wire ? shareSession(session, wire, share) : session
    })
  }
  client.signIn = share(`sign_in\u0000${clientFingerprint(json?.sign_in ?? null)}`, client.signIn)
  client.signUp = share(`sign_up\u0000${clientFingerprint(json?.sign_up ?? null)}`, client.signUp)
  // the list too, so that readers of `client.sessions` only re-render when a session changed
  if (previous && sameItems(previous.sessions, client.sessions))
    client.sessions = previous.sessions
  return next
}

type Share = <T extends object>(key: string, built: T) => T

function shareSession(built: Session, wire: SessionJSON, share: Share): Session {
  // share the parts first: a session that changed (it was touched) may still carry an unchanged user
  if (built.user)
    built.user = shareUser(built.user, wire.user, share)
  const session = share(`session\u0000${clientFingerprint(wire)}`, built)
  // keep the kept session's user (and memberships) in the pool
  if (session !== built && session.user)
    shareUser(session.user, wire.user, share)
  return session
}

function shareUser(built: User, wire: UserJSON, share: Share): User {
  // the key holds the user too: two users' memberships of one organization differ in who may act
  const memberships = built.organizationMemberships.map((membership, position) =>
    share(`membership\u0000${built.id}\u0000${clientFingerprint(wire.organization_memberships[position])}`, membership))
  // assigned only when one changed: a kept user passes through here too, and must stay as it was pooled
  if (!sameItems(memberships, built.organizationMemberships))
    built.organizationMemberships = memberships
  const user = share(`user\u0000${clientFingerprint(wire)}`, built)
  if (user !== built)
    shareUser(user, wire, share)
  return user
}

function fieldsOf(resource: object): unknown[] {
  // NOTE: a session's `lastActiveToken` is replaced in place whenever a fresher token arrives: not a rewrite
  const fields = Object.entries(resource).filter(([key]) => key !== 'lastActiveToken').map(([, value]) => value)
  // a membership's organization and a session's user are resources of their own, with their own `fromJSON`
  for (const part of [(resource as { organization?: unknown }).organization, (resource as { user?: unknown }).user]) {
    if (part && typeof part === 'object')
      fields.push(...Object.values(part))
  }
  return fields
}

function rewritten({ resource, fields }: PoolEntry): boolean {
  const now = fieldsOf(resource)
  return now.length !== fields.length || now.some((value, index) => value !== fields[index])
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index])
}
