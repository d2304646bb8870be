import type { Context } from 'hono'
import type { AppEnv } from '../appEnv'
import type { ClientRow, SessionRow } from '../db/rows'
import type { Deps } from '../deps'
import { FapiError } from '../errors/fapiError'
import { isSessionActive } from '../services/sessionStatus'
import { loadClient } from './clients'

/** The client and the session a `/me…` request acts for. */
export interface Acting {
  client: ClientRow
  session: SessionRow
}

/**
 * The session a request acts for (fapi.md 1.2): `?_clerk_session_id=` when given (it must be a signed-in
 * session of this client), else the client's last active session, else its first signed-in one.
 * No such session is `401 authentication_invalid`, which makes clerk-js re-read the client.
 */
export async function actingSession(c: Context<AppEnv>, deps: Deps): Promise<Acting> {
  const client = await loadClient(c, deps)
  if (!client)
    throw new FapiError('authentication_invalid')
  const now = deps.clock()
  const requested = c.req.query('_clerk_session_id')
  const sessions = await deps.db.kysely.selectFrom('sessions').selectAll().where('client_id', '=', client.id).where('status', '=', 'active').orderBy('created_at').orderBy('id').execute()
  const active = sessions.filter(session => isSessionActive(session, now))
  const session = requested
    ? active.find(candidate => candidate.id === requested)
    : active.find(candidate => candidate.id === client.last_active_session_id) ?? active[0]
  if (!session)
    throw new FapiError('authentication_invalid')
  return { client, session }
}
