import type { Client } from '../resources/Client'
import type { Organization } from '../resources/Organization'
import type { Session } from '../resources/Session'
import type { User } from '../resources/User'

/** What Clerk exposes about the signed-in state, derived from one client snapshot. */
export interface ClientState {
  client: Client
  session: Session | null
  user: User | null
  /** The active organization: the user's membership's own object, so the two never disagree. */
  organization: Organization | null
}

/**
 * Derives the current session, user and organization from a client. The current session is this
 * tab's own (`currentSessionId`) while it is still signed in: ClerkJS keeps a tab's session until
 * that tab calls `setActive`, and the server's `last_active_session_id` only names whichever tab
 * switched last. Without one (first load, or the tab's session ended) it is the session named by
 * `last_active_session_id` when signed in, else the first signed-in one.
 */
export function deriveClientState(client: Client, currentSessionId?: string | null): ClientState {
  const signedIn = client.signedInSessions
  const session = (currentSessionId ? signedIn.find(s => s.id === currentSessionId) : undefined)
    ?? signedIn.find(s => s.id === client.lastActiveSessionId)
    ?? signedIn[0]
    ?? null
  const user = session?.user ?? null
  const orgId = session?.lastActiveOrganizationId
  const membership = orgId ? user?.organizationMemberships.find(m => m.organization.id === orgId) : undefined
  return { client, session, user, organization: membership?.organization ?? null }
}

/**
 * A comparison key for wire objects that ignores session tokens: two payloads with the same key
 * differ at most in freshly minted tokens, which go to the token cache and must not re-render anything.
 */
export function clientFingerprint(json: unknown): string {
  return JSON.stringify(json, (key, value: unknown) => key === 'last_active_token' ? undefined : value) ?? 'undefined'
}
