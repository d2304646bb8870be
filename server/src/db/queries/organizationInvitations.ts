import type { ExpressionBuilder, Kysely } from 'kysely'
import type { OrganizationInvitationRow } from '../organizationRows'
import type { Database } from '../schema'
import type { Page, PageRequest } from './organizationMemberships'

/** The states an invitation list can be filtered by. */
export type InvitationStatusFilter = 'pending' | 'accepted' | 'revoked' | 'expired'

type InvitationsEb = ExpressionBuilder<Database, 'organization_invitations'>

/** The SQL condition for one shown status (pending past its expiry shows as expired). */
function statusCondition(eb: InvitationsEb, status: InvitationStatusFilter, now: number) {
  switch (status) {
    case 'pending':
      return eb.and([eb('organization_invitations.status', '=', 'pending'), eb('organization_invitations.expires_at', '>', now)])
    case 'expired':
      return eb.or([eb('organization_invitations.status', '=', 'expired'), eb.and([eb('organization_invitations.status', '=', 'pending'), eb('organization_invitations.expires_at', '<=', now)])])
    default:
      return eb('organization_invitations.status', '=', status)
  }
}

/** One page of an organization's invitations, newest first, in any of the given states (none = all). */
export async function listInvitations(db: Kysely<Database>, organizationId: string, statuses: readonly InvitationStatusFilter[], page: PageRequest, now: number): Promise<Page<OrganizationInvitationRow>> {
  let query = db.selectFrom('organization_invitations').where('organization_invitations.organization_id', '=', organizationId)
  if (statuses.length > 0)
    query = query.where(eb => eb.or(statuses.map(status => statusCondition(eb, status, now))))
  const total = await query.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  const data = await query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute()
  return { data, totalCount: Number(total?.n ?? 0) }
}

/** Invitations sent to any of these canonical addresses, in any of the given states (none = all), newest first. */
export async function invitationsForEmails(db: Kysely<Database>, emails: readonly string[], statuses: readonly InvitationStatusFilter[], now: number): Promise<OrganizationInvitationRow[]> {
  if (emails.length === 0)
    return []
  let query = db.selectFrom('organization_invitations').selectAll().where('email_normalized', 'in', [...emails])
  if (statuses.length > 0)
    query = query.where(eb => eb.or(statuses.map(status => statusCondition(eb, status, now))))
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
}

/** Pending, unexpired invitations of one organization. */
export async function countPendingInvitations(db: Kysely<Database>, organizationId: string, now: number): Promise<number> {
  const row = await db.selectFrom('organization_invitations').select(eb => eb.fn.countAll<number>().as('n')).where('organization_id', '=', organizationId).where('status', '=', 'pending').where('expires_at', '>', now).executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Which of these canonical addresses already belong (verified) to a member of the organization. */
export async function memberEmails(db: Kysely<Database>, organizationId: string, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0)
    return []
  const rows = await db.selectFrom('email_addresses')
    .innerJoin('verifications', 'verifications.id', 'email_addresses.verification_id')
    .innerJoin('organization_memberships', 'organization_memberships.user_id', 'email_addresses.user_id')
    .select('email_addresses.email_normalized')
    .where('organization_memberships.organization_id', '=', organizationId)
    .where('verifications.status', '=', 'verified')
    .where('email_addresses.email_normalized', 'in', [...emails])
    .execute()
  return rows.map(row => row.email_normalized)
}
