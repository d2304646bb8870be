import type { Kysely } from 'kysely'
import type { OrganizationMembershipRow } from '../organizationRows'
import type { Database } from '../schema'
import type { OrganizationView } from './organizations'
import { preparedQuery } from '../preparedQuery'
import { likeContains } from './likeContains'
import { loadOrganizationViews } from './organizations'

/** A membership with its organization (and that organization's counts). */
export interface MembershipView {
  row: OrganizationMembershipRow
  organization: OrganizationView
}

/** A page of rows and the total they were cut from. */
export interface Page<T> {
  data: T[]
  totalCount: number
}

/** `limit` / `offset` as the list endpoints accept them. */
export interface PageRequest {
  limit: number
  offset: number
}

const membershipsOfUsers = preparedQuery((db, ids: readonly string[]) => db.selectFrom('organization_memberships').selectAll().where('user_id', 'in', ids).orderBy('created_at').orderBy('id'))

/** Every membership of these users, oldest first, with organizations: two queries whatever the count. */
export async function loadUserMemberships(db: Kysely<Database>, userIds: readonly string[], now: number): Promise<Map<string, MembershipView[]>> {
  const result = new Map<string, MembershipView[]>()
  const ids = [...new Set(userIds)]
  if (ids.length === 0)
    return result
  const rows = await membershipsOfUsers(db, ids)
  const organizations = await loadOrganizationViews(db, rows.map(row => row.organization_id), now)
  for (const id of ids)
    result.set(id, [])
  for (const row of rows) {
    const organization = organizations.get(row.organization_id)
    if (organization)
      result.get(row.user_id)?.push({ row, organization })
  }
  return result
}

/** The membership of one user in one organization, or undefined. */
export async function findMembership(db: Kysely<Database>, organizationId: string, userId: string): Promise<OrganizationMembershipRow | undefined> {
  return db.selectFrom('organization_memberships').selectAll().where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst()
}

/** Filters of an organization's member list. */
export interface MemberFilter {
  /** Matches names, username, email addresses or the user id. */
  query?: string
  /** Role keys; empty or absent means every role. */
  roles?: string[]
}

/** One page of an organization's memberships (oldest first) and the filtered total. */
export async function listOrganizationMemberships(db: Kysely<Database>, organizationId: string, filter: MemberFilter, page: PageRequest): Promise<Page<OrganizationMembershipRow>> {
  let query = db.selectFrom('organization_memberships')
    .innerJoin('users', 'users.id', 'organization_memberships.user_id')
    .where('organization_memberships.organization_id', '=', organizationId)
  if (filter.roles && filter.roles.length > 0)
    query = query.where('organization_memberships.role', 'in', filter.roles)
  const term = filter.query?.trim()
  if (term) {
    query = query.where(eb => eb.or([
      likeContains(eb.ref('users.first_name'), term),
      likeContains(eb.ref('users.last_name'), term),
      likeContains(eb.ref('users.username'), term),
      eb('users.id', '=', term),
      eb.exists(eb.selectFrom('email_addresses').select('email_addresses.id').whereRef('email_addresses.user_id', '=', 'users.id').where(inner => likeContains(inner.ref('email_addresses.email_address'), term))),
    ]))
  }
  const total = await query.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  const data = await query.selectAll('organization_memberships')
    .orderBy('organization_memberships.created_at')
    .orderBy('organization_memberships.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return { data, totalCount: Number(total?.n ?? 0) }
}

/** How many members hold one of these roles. */
export async function countMembersWithRoles(db: Kysely<Database>, organizationId: string, roles: readonly string[]): Promise<number> {
  if (roles.length === 0)
    return 0
  const row = await db.selectFrom('organization_memberships').select(eb => eb.fn.countAll<number>().as('n')).where('organization_id', '=', organizationId).where('role', 'in', roles).executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** How many members an organization has. */
export async function countMembers(db: Kysely<Database>, organizationId: string): Promise<number> {
  const row = await db.selectFrom('organization_memberships').select(eb => eb.fn.countAll<number>().as('n')).where('organization_id', '=', organizationId).executeTakeFirst()
  return Number(row?.n ?? 0)
}
