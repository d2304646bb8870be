import type { Kysely } from 'kysely'
import type { OrganizationMembershipRow } from '../db/organizationRows'
import type { Database } from '../db/schema'
import type { Deps } from '../deps'
import { countMembers, countMembersWithRoles, findMembership } from '../db/queries/organizationMemberships'
import { lockOrganization } from '../db/queries/organizations'
import { FapiError, notFound } from '../errors/fapiError'
import { newId } from '../utils/newId'
import { organizationRoles } from './organizationRoles'

/** What a new membership is made of. */
export interface NewMembership {
  organizationId: string
  userId: string
  role: string
}

/**
 * Adds a user to an organization inside the caller's transaction. The organization's row is locked
 * first, so the member limit holds under concurrent joins (security.md #32): a full organization
 * answers `403 organization_membership_quota_exceeded`, a second membership `400 already_a_member_in_organization`.
 */
export async function insertMembership(trx: Kysely<Database>, deps: Deps, input: NewMembership): Promise<OrganizationMembershipRow> {
  if (!await lockOrganization(trx, deps.db.dialect, input.organizationId))
    throw notFound()
  if (await findMembership(trx, input.organizationId, input.userId))
    throw new FapiError('already_a_member_in_organization')
  const max = deps.config.organizations.maxAllowedMemberships
  if (max > 0 && await countMembers(trx, input.organizationId) >= max)
    throw new FapiError('organization_membership_quota_exceeded')
  const now = deps.clock()
  const row: OrganizationMembershipRow = {
    id: newId('orgmem'),
    organization_id: input.organizationId,
    user_id: input.userId,
    role: input.role,
    public_metadata: '{}',
    created_at: now,
    updated_at: now,
  }
  await trx.insertInto('organization_memberships').values(row).execute()
  return row
}

/**
 * Refuses a change that would leave the organization without a member able to manage members
 * (`400 organization_minimum_permissions_needed`): demoting, removing or letting go the last one.
 * Call it with the organization locked.
 */
export async function assertManagerRemains(trx: Kysely<Database>, deps: Deps, membership: OrganizationMembershipRow, newRole: string | null): Promise<void> {
  const managers = organizationRoles(deps.config).managerRoles()
  if (!managers.includes(membership.role) || (newRole !== null && managers.includes(newRole)))
    return
  if (await countMembersWithRoles(trx, membership.organization_id, managers) <= 1)
    throw new FapiError('organization_minimum_permissions_needed')
}

/** The user's next tokens must show the change: forget the reusable ones of their sessions. */
async function forgetTokensOf(deps: Deps, userId: string): Promise<void> {
  const sessions = await deps.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', userId).where('status', '=', 'active').execute()
  for (const session of sessions)
    deps.tokens.forget(session.id)
}

/** Gives a member another role (last manager protected); another organization's member is a 404. */
export async function changeMemberRole(deps: Deps, organizationId: string, userId: string, role: string): Promise<OrganizationMembershipRow> {
  const row = await deps.db.kysely.transaction().execute(async (trx) => {
    await lockOrganization(trx, deps.db.dialect, organizationId)
    const membership = await findMembership(trx, organizationId, userId)
    if (!membership)
      throw notFound()
    await assertManagerRemains(trx, deps, membership, role)
    const updated = { ...membership, role, updated_at: deps.clock() }
    await trx.updateTable('organization_memberships').set({ role, updated_at: updated.updated_at }).where('id', '=', membership.id).execute()
    return updated
  })
  await forgetTokensOf(deps, userId)
  return row
}

/**
 * Ends a membership (removal by an admin, or leaving): the last manager cannot go, and sessions that had
 * the organization active fall back to the personal account. Returns the membership as it was.
 */
export async function removeMember(deps: Deps, organizationId: string, userId: string): Promise<OrganizationMembershipRow> {
  const row = await deps.db.kysely.transaction().execute(async (trx) => {
    await lockOrganization(trx, deps.db.dialect, organizationId)
    const membership = await findMembership(trx, organizationId, userId)
    if (!membership)
      throw notFound()
    await assertManagerRemains(trx, deps, membership, null)
    await trx.deleteFrom('organization_memberships').where('id', '=', membership.id).execute()
    await trx.updateTable('sessions')
      .set({ last_active_organization_id: null })
      .where('user_id', '=', userId)
      .where('last_active_organization_id', '=', organizationId)
      .execute()
    return membership
  })
  await forgetTokensOf(deps, userId)
  return row
}
