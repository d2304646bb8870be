import type { Kysely } from 'kysely'
import type { Dialect } from '../createDb'
import type { OrganizationRow } from '../organizationRows'
import type { Database } from '../schema'

/** An organization with the counts its JSON carries. */
export interface OrganizationView {
  row: OrganizationRow
  membersCount: number
  pendingInvitationsCount: number
}

/** Loads organizations by id with their member and pending-invitation counts (one query). */
export async function loadOrganizationViews(db: Kysely<Database>, ids: readonly string[], now: number): Promise<Map<string, OrganizationView>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0)
    return new Map()
  const rows = await db.selectFrom('organizations')
    .selectAll('organizations')
    .select(eb => [
      eb.selectFrom('organization_memberships').select(inner => inner.fn.countAll<number>().as('n')).whereRef('organization_memberships.organization_id', '=', 'organizations.id').as('members_count'),
      eb.selectFrom('organization_invitations').select(inner => inner.fn.countAll<number>().as('n')).whereRef('organization_invitations.organization_id', '=', 'organizations.id').where('organization_invitations.status', '=', 'pending').where('organization_invitations.expires_at', '>', now).as('pending_invitations_count'),
    ])
    .where('organizations.id', 'in', unique)
    .execute()
  return new Map(rows.map(({ members_count, pending_invitations_count, ...row }) => [row.id, {
    row,
    membersCount: Number(members_count ?? 0),
    pendingInvitationsCount: Number(pending_invitations_count ?? 0),
  }]))
}

/** One organization with its counts, or undefined. */
export async function loadOrganizationView(db: Kysely<Database>, id: string, now: number): Promise<OrganizationView | undefined> {
  return (await loadOrganizationViews(db, [id], now)).get(id)
}

/**
 * Reads an organization inside a transaction and, on PostgreSQL, locks its row until the transaction ends,
 * so that checks on its members (limits, last admin) and the write that follows cannot interleave with
 * another request's. SQLite needs no lock: its transactions already run one at a time.
 */
export async function lockOrganization(trx: Kysely<Database>, dialect: Dialect, id: string): Promise<OrganizationRow | undefined> {
  let query = trx.selectFrom('organizations').selectAll().where('id', '=', id)
  if (dialect === 'postgres')
    query = query.forUpdate()
  return query.executeTakeFirst()
}

/** Locks a user's row on PostgreSQL for the rest of the transaction (per-user limits); a no-op on SQLite. */
export async function lockUser(trx: Kysely<Database>, dialect: Dialect, id: string): Promise<void> {
  if (dialect === 'postgres')
    await trx.selectFrom('users').select('id').where('id', '=', id).forUpdate().execute()
}
