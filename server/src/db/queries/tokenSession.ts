import type { Kysely } from 'kysely'
import type { SessionRow } from '../rows'
import type { Database } from '../schema'
import { preparedQuery } from '../preparedQuery'

/** The session columns a token needs, with the proof of its client (the cookie secret's hash). */
export type TokenSessionRow = Pick<SessionRow, 'id' | 'user_id' | 'status' | 'expire_at' | 'abandon_at' | 'last_active_at' | 'last_active_organization_id' | 'first_factor_verified_at' | 'second_factor_verified_at'> & { client_secret_hash: string }

// only what minting needs: the user agent and other columns would be copied into every row for nothing
const SESSION_COLUMNS = ['sessions.id', 'sessions.user_id', 'sessions.status', 'sessions.expire_at', 'sessions.abandon_at', 'sessions.last_active_at', 'sessions.last_active_organization_id', 'sessions.first_factor_verified_at', 'sessions.second_factor_verified_at'] as const

const byClient = preparedQuery((db, sessionId: string, clientId: string) => db.selectFrom('sessions')
  .innerJoin('clients', 'clients.id', 'sessions.client_id')
  .select([...SESSION_COLUMNS, 'clients.secret_hash as client_secret_hash'])
  .where('sessions.id', '=', sessionId)
  .where('sessions.client_id', '=', clientId))

const byDevBrowser = preparedQuery((db, sessionId: string, tokenHash: string) => db.selectFrom('sessions')
  .innerJoin('dev_browsers', 'dev_browsers.client_id', 'sessions.client_id')
  .select([...SESSION_COLUMNS, 'dev_browsers.token_hash as client_secret_hash'])
  .where('sessions.id', '=', sessionId)
  .where('dev_browsers.token_hash', '=', tokenHash))

/**
 * The token endpoint's one indexed lookup: the session by primary key joined to its client (cookie
 * identity) or to the dev browser that owns that client (dev-browser identity). Compiled once.
 */
export async function findTokenSession(db: Kysely<Database>, sessionId: string, credential: { clientId: string } | { devBrowserTokenHash: string }): Promise<TokenSessionRow | undefined> {
  const [row] = 'clientId' in credential
    ? await byClient(db, sessionId, credential.clientId)
    : await byDevBrowser(db, sessionId, credential.devBrowserTokenHash)
  return row
}
