import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { OrganizationMembershipJSONInput } from '../../contract'
import type { OrganizationMembershipRow } from '../../db/organizationRows'
import type { OrganizationView } from '../../db/queries/organizations'
import type { Deps } from '../../deps'
import { loadOrganizationView } from '../../db/queries/organizations'
import { loadUserGraphs } from '../../db/queries/userGraphs'
import { notFound } from '../../errors/fapiError'
import { serializeMembership } from '../../serialize/organizationMembership'
import { serializePublicUserData } from '../../serialize/user'

/** An organization with its counts as it is now, or a 404. */
export async function currentOrganization(deps: Deps, organizationId: string): Promise<OrganizationView> {
  const view = await loadOrganizationView(deps.db.kysely, organizationId, deps.clock())
  if (!view)
    throw notFound()
  return view
}

/** Memberships of one organization as member lists show them: with the organization and `public_user_data`. */
export async function membersJSON(deps: Deps, organization: OrganizationView, rows: readonly OrganizationMembershipRow[]): Promise<OrganizationMembershipJSONInput[]> {
  const users = await loadUserGraphs(deps.db.kysely, rows.map(row => row.user_id), deps.clock())
  return rows.map((row) => {
    const user = users.get(row.user_id)
    return serializeMembership({ row, organization }, deps.config, user ? serializePublicUserData(user, deps.config) : undefined)
  })
}

/** One membership as member lists show it, with the organization's counts re-read. */
export async function memberJSON(deps: Deps, row: OrganizationMembershipRow): Promise<OrganizationMembershipJSONInput> {
  const organization = await currentOrganization(deps, row.organization_id)
  return (await membersJSON(deps, organization, [row]))[0]!
}

/**
 * A list response: `{data, total_count}` (fapi.md 3.1), or the bare array when the caller asked for an
 * unpaginated membership list (`paginated` other than `true`; clerk-js always sends it).
 */
export function listBody<T>(c: Context<AppEnv>, data: T[], totalCount: number, bareUnlessPaginated = false): unknown {
  if (bareUnlessPaginated && c.req.query('paginated') !== 'true')
    return data
  return { data, total_count: totalCount }
}
