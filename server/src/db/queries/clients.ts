import type { Kysely } from 'kysely'
import type { ClientRow } from '../rows'
import type { Database } from '../schema'
import { preparedQuery } from '../preparedQuery'

const clientById = preparedQuery((db, id: string) => db.selectFrom('clients').selectAll().where('id', '=', id))

/** A client by id. */
export async function findClient(db: Kysely<Database>, id: string): Promise<ClientRow | undefined> {
  return (await clientById(db, id))[0]
}

/** The client a dev-browser token is bound to: undefined for an unknown token, null for an unbound one. */
export async function findDevBrowserClient(db: Kysely<Database>, tokenHash: string): Promise<{ devBrowserId: string, client: ClientRow | null } | undefined> {
  const row = await db.selectFrom('dev_browsers')
    .leftJoin('clients', 'clients.id', 'dev_browsers.client_id')
    .select(['dev_browsers.id as dev_browser_id', 'clients.id', 'clients.secret_hash', 'clients.last_active_session_id', 'clients.sign_in_id', 'clients.sign_up_id', 'clients.last_authentication_strategy', 'clients.cookie_expires_at', 'clients.created_at', 'clients.updated_at'])
    .where('dev_browsers.token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row)
    return undefined
  const { dev_browser_id: devBrowserId, ...client } = row
  return { devBrowserId, client: client.id === null ? null : client as ClientRow }
}

/** Fields a request may change on its client; `updated_at` always moves. */
export type ClientChanges = Partial<Pick<ClientRow, 'last_active_session_id' | 'sign_in_id' | 'sign_up_id' | 'last_authentication_strategy' | 'secret_hash' | 'cookie_expires_at'>>

/** Updates a client and bumps `updated_at` (clerk-js derives `__client_uat` from it). */
export async function updateClient(db: Kysely<Database>, id: string, changes: ClientChanges, now: number): Promise<void> {
  await db.updateTable('clients').set({ ...changes, updated_at: now }).where('id', '=', id).execute()
}
