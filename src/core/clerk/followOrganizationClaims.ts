import type { TokenCache } from '../tokens'
import type { ClientState } from './clientState'
import { organizationClaimsDiffer } from './organizationClaimsDiffer'

/**
 * Re-reads the client (`resync`) when a session token fetched in the background, or shared by another
 * tab, disagrees with the client state about the active organization (see `organizationClaimsDiffer`):
 * an admin changed this member's role, or removed them, from another browser. Without it `has()` and
 * `<Protect>` would answer from the old membership until a reload or a focus. Tokens seeded from a
 * client answer are skipped: that answer is applied already. Returns the unsubscribe.
 */
export function followOrganizationClaims(tokens: TokenCache, latest: () => ClientState | undefined, resync: () => unknown): () => void {
  return tokens.onToken((update) => {
    const session = latest()?.session
    if (update.source === 'seed' || update.template || !session)
      return
    if (update.sessionId !== session.id || update.organizationId !== (session.lastActiveOrganizationId ?? null))
      return
    if (organizationClaimsDiffer(update.jwt, latest()!))
      void resync()
  })
}
