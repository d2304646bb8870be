import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import type { AppEnv } from '../../appEnv'
import type { ClientRow, SignInRow } from '../../db/rows'
import type { Database } from '../../db/schema'
import type { Deps } from '../../deps'
import { preparedQuery } from '../../db/preparedQuery'
import { insertSession } from '../../db/queries/sessions'
import { loadUserGraph, loadVerifications } from '../../db/queries/userGraphs'
import { FapiError, notFound } from '../../errors/fapiError'
import { loadClient, rotateClientSecret } from '../../http/clients'
import { requestOrigin } from '../../http/requestOrigin'
import { wrappedWithClientGraph } from '../../http/respond'
import { serializeSignIn } from '../../serialize/signIn'
import { acceptTicketInvitation } from '../../services/acceptTicketInvitation'

// only a sign-in without a session yet: of parallel attempts on one sign-in, one completes it (security.md #31)
const markSignInComplete = preparedQuery((db, sessionId: string, now: number, id: string) => db.updateTable('sign_ins').set({ status: 'complete', created_session_id: sessionId, updated_at: now }).where('id', '=', id).where('created_session_id', 'is', null).returning('id'))

/** How long an unfinished sign-in stays usable. */
export const SIGN_IN_LIFETIME_MS = 24 * 3600 * 1000

/** The sign-in named in the path, if it belongs to this client (else 404, AZ-3). */
export async function findOwnSignIn(c: Context<AppEnv>, deps: Deps): Promise<SignInRow> {
  const client = await loadClient(c, deps)
  const row = client && await deps.db.kysely.selectFrom('sign_ins').selectAll().where('id', '=', c.req.param('id')!).where('client_id', '=', client.id).executeTakeFirst()
  if (!row)
    throw notFound()
  return row
}

/**
 * Answers with the sign-in and the piggybacked client, both read after the request's changes. The
 * sign-in is normally the client's current one, so it and its user come from the client's graph.
 */
export async function respondSignIn(c: Context<AppEnv>, deps: Deps, id: string): Promise<Response> {
  const { kysely } = deps.db
  return wrappedWithClientGraph(c, deps, async (graph, now) => {
    const current = graph?.signIn?.id === id ? graph : undefined
    const row = current?.signIn ?? await kysely.selectFrom('sign_ins').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const user = row.user_id ? current?.users.get(row.user_id) ?? await loadUserGraph(kysely, row.user_id) : undefined
    const ids = [row.first_factor_verification_id, row.second_factor_verification_id].filter(id => id !== null)
    const verifications = current?.verifications ?? await loadVerifications(kysely, ids)
    const verification = (id: string | null) => id ? verifications.get(id) ?? null : null
    return serializeSignIn(row, user, verification(row.first_factor_verification_id), deps.config, now, verification(row.second_factor_verification_id))
  })
}

/**
 * Finishes a sign-in inside the caller's transaction: a new session for the user on this client, the
 * sign-in marked complete, the strategy remembered as the client's last one (with `clientChanges`, in
 * the same update). After a second factor, `verifiedAt` says when each factor passed (the session's `fva`).
 * A `ticket` sign-in (an invitation link) accepts its invitation. A sign-in completes once: when a
 * parallel request got there first, this throws `client_state_invalid` and the transaction rolls back.
 */
export async function completeSignIn(trx: Kysely<Database>, c: Context<AppEnv>, deps: Deps, signIn: Pick<SignInRow, 'id' | 'client_id'>, userId: string, strategy: string, verifiedAt?: { firstFactor: number, secondFactor: number }, clientChanges?: Partial<ClientRow>): Promise<void> {
  const now = deps.clock()
  const session = await insertSession(trx, deps.config, {
    clientId: signIn.client_id,
    userId,
    now,
    origin: requestOrigin(c, deps.config),
    ...(verifiedAt ? { firstFactorVerifiedAt: verifiedAt.firstFactor, secondFactorVerifiedAt: verifiedAt.secondFactor } : {}),
    clientChanges: { ...clientChanges, last_authentication_strategy: strategy },
  })
  // a parallel request completed it first: roll this one's session back
  if ((await markSignInComplete(trx, session.id, now, signIn.id)).length !== 1)
    throw new FapiError('client_state_invalid', { longMessage: 'This sign-in is already complete.' })
  if (strategy === 'ticket')
    await acceptTicketInvitation(trx, deps, signIn.id, userId)
}

/** After a session was created: a fresh cookie secret (SE-3). */
export async function afterSessionCreated(c: Context<AppEnv>, deps: Deps): Promise<void> {
  const client = await loadClient(c, deps)
  if (client)
    await rotateClientSecret(c, deps, client)
}
