import type { Kysely } from 'kysely'
import type { SessionRow } from '../rows'
import type { Database } from '../schema'
import { preparedQuery } from '../preparedQuery'

/** A session with the proof of its client (the cookie secret's hash), read for the token endpoint. */
export type TokenSessionRow = SessionRow & { client_secret_hash: string }

const byClient = preparedQuery((db, sessionId: string, clientId: string) => db.selectFrom('sessions')
  .innerJoin('clients', 'clients.id', 'sessions.client_id')
  .selectAll('sessions')
  .select('clients.secret_hash as client_secret_hash')
  .where('sessions.id', '=', sessionId)
  .where('sessions.client_id', '=', clientId))

const byDevBrowser = preparedQuery((db, sessionId: string, tokenHash: string) => db.selectFrom('sessions')
  .innerJoin('dev_browsers', 'dev_browsers.client_id', 'sessions.client_id')
  .selectAll('sessions')
  .select('dev_browsers.token_hash as client_secret_hash')
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
