import type { Client } from '../resources/Client'
import type { Session } from '../resources/Session'
import type { TokenCache, TokenSource } from '../tokens'
import { Token } from '../resources/Token'
import { tokenCacheKey } from '../tokens'

/** What token listeners hear: a session of the current snapshot got a fresher session token. */
export interface SessionTokenUpdate {
  /** The session whose `lastActiveToken` was replaced (in place: it is the same object as before). */
  session: Session
  token: Token
  /** `fetch` (this tab asked the server), `seed` (a client payload's `last_active_token`) or `broadcast` (another tab). */
  source: TokenSource
}

/** Keeps sessions' `lastActiveToken` on the freshest token seen; see `followSessionTokens`. */
export interface SessionTokenFollower {
  /** Gives every session of a freshly built client the freshest token known for it. */
  catchUp: (client: Client) => void
  /** Forgets the tokens of sessions that are not in `client` any more. */
  prune: (client: Client) => void
  stop: () => void
}

/**
 * Follows the token cache (background refreshes, `getToken()` calls, tokens from other tabs and the
 * `last_active_token`s of client payloads): each fresher session token (no template, for the
 * session's active organization) replaces the `lastActiveToken` of the matching session objects of
 * `clients()` in place, and `onUpdate` is told for those of the committed snapshot. No snapshot is
 * emitted for it: a token is not render state, and a new one arrives about once a minute.
 */
export function followSessionTokens(
  tokens: TokenCache,
  clients: () => (Client | undefined)[],
  onUpdate: (update: SessionTokenUpdate) => void,
): SessionTokenFollower {
  const freshest = new Map<string, { sessionId: string, token: Token }>()

  const keyOf = (session: Session): string => tokenCacheKey({ sessionId: session.id, organizationId: session.lastActiveOrganizationId })

  const stop = tokens.onToken((update) => {
    if (update.template)
      return
    let token: Token
    try {
      token = new Token(update.jwt)
    }
    catch {
      return // the cache only keeps JWTs it could read; nothing to follow otherwise
    }
    freshest.set(update.key, { sessionId: update.sessionId, token })
    const [committed, ...others] = clients()
    for (const session of committed?.sessions ?? []) {
      if (keyOf(session) === update.key && adopt(session, token))
        onUpdate({ session, token, source: update.source })
    }
    for (const client of others) {
      for (const session of client?.sessions ?? []) {
        if (keyOf(session) === update.key)
          adopt(session, token)
      }
    }
  })

  return {
    catchUp(client) {
      for (const session of client.sessions) {
        const known = freshest.get(keyOf(session))
        if (known)
          adopt(session, known.token)
      }
    },
    prune(client) {
      const ids = new Set(client.signedInSessions.map(session => session.id))
      for (const [key, { sessionId }] of freshest) {
        if (!ids.has(sessionId))
          freshest.delete(key)
      }
    },
    stop,
  }
}

/** Puts `token` on `session` when it is fresher than the one it holds; returns whether it did. */
function adopt(session: Session, token: Token): boolean {
  const current = session.lastActiveToken
  if (current && (current.getRawString() === token.getRawString() || issuedAt(current) >= issuedAt(token)))
    return false
  session.lastActiveToken = token
  return true
}

function issuedAt(token: Token): number {
  const iat = token.jwt.claims.iat
  return typeof iat === 'number' ? iat : Number.NEGATIVE_INFINITY
}
