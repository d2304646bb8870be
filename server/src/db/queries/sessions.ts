import type { Kysely } from 'kysely'
import type { PorticoConfig } from '../../config'
import type { ClientRow, SessionRow } from '../rows'
import type { Database } from '../schema'
import { newId } from '../../utils/newId'
import { preparedInsert } from '../preparedInsert'
import { preparedQuery } from '../preparedQuery'

/** Where a session was created from (shown by `/me/sessions/active`). */
export interface SessionOrigin {
  userAgent: string | null
  ipAddress: string | null
}

const insertSessionRow = preparedInsert('sessions', ['id', 'client_id', 'user_id', 'status', 'last_active_at', 'last_active_organization_id', 'expire_at', 'abandon_at', 'first_factor_verified_at', 'second_factor_verified_at', 'user_agent', 'ip_address', 'created_at', 'updated_at'])

const recordSignInTime = preparedQuery((db, now: number, userId: string) => db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', userId))

/**
 * Signs a user in on a client: a new session (SE-3: always a new one), made the client's last active
 * session (with `clientChanges` in the same update); the user's `last_sign_in_at` moves. Run inside the
 * caller's transaction. A sign-in that needed a second factor passes when each factor was verified (`fva`).
 */
export async function insertSession(trx: Kysely<Database>, config: PorticoConfig, input: { clientId: string, userId: string, now: number, origin: SessionOrigin, firstFactorVerifiedAt?: number, secondFactorVerifiedAt?: number, clientChanges?: Partial<ClientRow> }): Promise<SessionRow> {
  const { now } = input
  const row: SessionRow = {
    id: newId('sess'),
    client_id: input.clientId,
    user_id: input.userId,
    status: 'active',
    last_active_at: now,
    last_active_organization_id: null,
    expire_at: now + config.sessions.maxLifetimeSeconds * 1000,
    abandon_at: now + config.sessions.inactivityTimeoutSeconds * 1000,
    first_factor_verified_at: input.firstFactorVerifiedAt ?? now,
    second_factor_verified_at: input.secondFactorVerifiedAt ?? null,
    user_agent: input.origin.userAgent?.slice(0, 512) ?? null,
    ip_address: input.origin.ipAddress,
    created_at: now,
    updated_at: now,
  }
  await insertSessionRow(trx, row)
  await trx.updateTable('clients').set({ ...input.clientChanges, last_active_session_id: row.id, updated_at: now }).where('id', '=', input.clientId).execute()
  await recordSignInTime(trx, now, input.userId)
  return row
}

/** Moves active sessions to a final state (`ended`, `removed`, `revoked`); returns the ids that changed. */
export async function closeSessions(db: Kysely<Database>, filter: { ids?: string[], clientId?: string, userId?: string, exceptId?: string }, status: 'ended' | 'removed' | 'revoked', now: number): Promise<string[]> {
  let query = db.updateTable('sessions').set({ status, updated_at: now }).where('status', '=', 'active')
  if (filter.ids)
    query = query.where('id', 'in', filter.ids.length ? filter.ids : [''])
  if (filter.clientId)
    query = query.where('client_id', '=', filter.clientId)
  if (filter.userId)
    query = query.where('user_id', '=', filter.userId)
  if (filter.exceptId)
    query = query.where('id', '!=', filter.exceptId)
  const rows = await query.returning('id').execute()
  return rows.map(row => row.id)
}

/** Whether a client already holds a signed-in session, and for which users. */
export async function activeSessionsOfClient(db: Kysely<Database>, clientId: string, now: number): Promise<SessionRow[]> {
  return db.selectFrom('sessions').selectAll().where('client_id', '=', clientId).where('status', '=', 'active').where('expire_at', '>', now).where('abandon_at', '>', now).orderBy('created_at').execute()
}
