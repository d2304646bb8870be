import type { PorticoConfig } from '../config'
import type { TicketStatus } from '../contract'
import type { OrganizationInvitationRow, OrganizationRow } from '../db/organizationRows'
import type { Deps } from '../deps'
import { TICKET_PARAM, TICKET_STATUS_PARAM } from '../contract'
import { isUniqueViolation } from '../db/isUniqueViolation'
import { countPendingInvitations, memberEmails } from '../db/queries/organizationInvitations'
import { countMembers } from '../db/queries/organizationMemberships'
import { lockOrganization } from '../db/queries/organizations'
import { emailTaken } from '../db/queries/users'
import { FapiError, missingParam, notFound } from '../errors/fapiError'
import { newId } from '../utils/newId'
import { normalizeEmail } from './emails'
import { issueInvitationTicket } from './invitationTickets'

/** The most addresses one bulk invitation may carry. */
export const MAX_BULK_INVITATIONS = 50

/**
 * Where an invitation email leads (Clerk's link): the inviter's `redirect_url`, else the app's sign-in or
 * sign-up page (`signInUrl` / `signUpUrl`, else `organizations.invitationUrl`, else the first allowed
 * origin, else the public URL), with `__clerk_ticket` and `__clerk_status` saying whether the invitee
 * signs in or signs up there.
 */
export function invitationLink(config: PorticoConfig, hasAccount: boolean, ticket: string, redirectUrl?: string): string {
  const appOrigin = config.allowedOrigins.find(origin => !origin.includes('*')) ?? config.publicUrl
  const page = redirectUrl ?? (hasAccount ? config.signInUrl : config.signUpUrl) ?? config.organizations.invitationUrl ?? appOrigin
  const url = new URL(page, appOrigin)
  const status: TicketStatus = hasAccount ? 'sign_in' : 'sign_up'
  url.searchParams.set(TICKET_PARAM, ticket)
  url.searchParams.set(TICKET_STATUS_PARAM, status)
  return url.toString()
}

function invitationMessage(config: PorticoConfig, organization: OrganizationRow, invitation: OrganizationInvitationRow, link: string): { subject: string, text: string } {
  const app = config.applicationName
  return {
    subject: `You are invited to join ${organization.name} on ${app}`,
    text: `You have been invited to join ${organization.name} on ${app}.\n\n`
      + `Sign up or sign in with ${invitation.email_address} to accept: ${link}\n\n`
      + `The invitation is valid until ${new Date(invitation.expires_at).toUTCString()}. If you did not expect it, you can ignore this email.\n`,
  }
}

/**
 * Invites addresses into an organization with one role, all or none (RL-1): each address is canonicalized
 * (IN-3); one that belongs to a member is `400 already_a_member_in_organization`, one with a pending
 * invitation `400 organization_invitation_not_unique` (also under races: a unique index decides);
 * members plus pending invitations may not pass the member limit. The emails go out after the commit,
 * each with its own ticket link (`redirectUrl`, already checked against the allowed origins, replaces
 * the app's page).
 */
export async function createInvitations(deps: Deps, organizationId: string, invitedBy: string, addresses: readonly string[], role: string, options: { redirectUrl?: string } = {}): Promise<OrganizationInvitationRow[]> {
  const { db, config, clock } = deps
  const byKey = new Map<string, string>()
  for (const input of addresses) {
    const { address, normalized } = normalizeEmail(input, 'email_address')
    byKey.set(normalized, byKey.get(normalized) ?? address)
  }
  if (byKey.size === 0)
    throw missingParam('email_address')
  if (byKey.size > MAX_BULK_INVITATIONS)
    throw new FapiError('form_param_value_invalid', { longMessage: `At most ${MAX_BULK_INVITATIONS} addresses can be invited at once.`, meta: { param_name: 'email_address' } })
  const emails = [...byKey.keys()]
  const now = clock()
  let created: { organization: OrganizationRow, rows: OrganizationInvitationRow[] }
  try {
    created = await db.kysely.transaction().execute(async (trx) => {
      const organization = await lockOrganization(trx, db.dialect, organizationId)
      if (!organization)
        throw notFound()
      // a pending invitation past its expiry no longer blocks a new one
      await trx.updateTable('organization_invitations').set({ status: 'expired', updated_at: now }).where('organization_id', '=', organizationId).where('status', '=', 'pending').where('expires_at', '<=', now).execute()
      if ((await memberEmails(trx, organizationId, emails)).length > 0)
        throw new FapiError('already_a_member_in_organization', { meta: { param_name: 'email_address' } })
      const pending = await trx.selectFrom('organization_invitations').select('id').where('organization_id', '=', organizationId).where('status', '=', 'pending').where('email_normalized', 'in', emails).executeTakeFirst()
      if (pending)
        throw new FapiError('organization_invitation_not_unique', { meta: { param_name: 'email_address' } })
      const max = config.organizations.maxAllowedMemberships
      if (max > 0 && await countMembers(trx, organizationId) + await countPendingInvitations(trx, organizationId, now) + emails.length > max)
        throw new FapiError('organization_membership_quota_exceeded')
      const rows = emails.map((normalized): OrganizationInvitationRow => ({
        id: newId('orginv'),
        organization_id: organizationId,
        email_address: byKey.get(normalized)!,
        email_normalized: normalized,
        role,
        status: 'pending',
        public_metadata: '{}',
        expires_at: now + config.organizations.invitationTtlSeconds * 1000,
        invited_by: invitedBy,
        created_at: now,
        updated_at: now,
      }))
      await trx.insertInto('organization_invitations').values(rows).execute()
      return { organization, rows }
    })
  }
  catch (error) {
    throw isUniqueViolation(error) ? new FapiError('organization_invitation_not_unique', { meta: { param_name: 'email_address' } }) : error
  }
  for (const invitation of created.rows) {
    try {
      const link = invitationLink(config, await emailTaken(db.kysely, invitation.email_normalized), await issueInvitationTicket(deps, invitation), options.redirectUrl)
      await deps.mailer.send({ to: invitation.email_address, ...invitationMessage(config, created.organization, invitation, link) })
    }
    catch (error) {
      // the invitation stands (an admin can revoke and send it again): a mail outage must not undo it
      deps.logger.error('[portico-server] an organization invitation email could not be sent', error)
    }
  }
  return created.rows
}
