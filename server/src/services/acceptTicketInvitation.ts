import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Deps } from '../deps'
import { FapiError } from '../errors/fapiError'
import { insertMembership } from './organizationMembers'

/**
 * Accepts the invitation a ticket sign-in came with, inside the transaction that creates its session
 * (after the second factor, when the user has one). The invitation is found through the sign-in's
 * `ticket` first-factor verification; a sign-in without one is left alone. See `acceptInvitationAs`.
 */
export async function acceptTicketInvitation(trx: Kysely<Database>, deps: Deps, signInId: string, userId: string): Promise<void> {
  const ticket = await trx.selectFrom('sign_ins')
    .innerJoin('verifications', 'verifications.id', 'sign_ins.first_factor_verification_id')
    .select('verifications.target')
    .where('sign_ins.id', '=', signInId)
    .where('verifications.strategy', '=', 'ticket')
    .where('verifications.status', '=', 'verified')
    .executeTakeFirst()
  if (ticket?.target)
    await acceptInvitationAs(trx, deps, ticket.target, userId)
}

/**
 * The invitee (`userId`, who holds the invited address) accepts an invitation through its ticket: they
 * join with the invited role and the invitation becomes `accepted`. An invitation that stopped being
 * pending in the meantime, or an organization that is full, is left as it is without a membership (as a
 * sign-up does); someone who is already a member just uses the invitation up.
 */
export async function acceptInvitationAs(trx: Kysely<Database>, deps: Deps, invitationId: string, userId: string): Promise<void> {
  if (!deps.config.organizations.enabled)
    return
  const now = deps.clock()
  const invitation = await trx.selectFrom('organization_invitations').selectAll().where('id', '=', invitationId).executeTakeFirst()
  if (!invitation || invitation.status !== 'pending' || invitation.expires_at <= now)
    return
  try {
    await insertMembership(trx, deps, { organizationId: invitation.organization_id, userId, role: invitation.role })
  }
  catch (error) {
    // insertMembership refuses before writing anything, so the transaction stays usable
    if (!(error instanceof FapiError))
      throw error
    if (error.code !== 'already_a_member_in_organization')
      return
  }
  const updated = await trx.updateTable('organization_invitations').set({ status: 'accepted', updated_at: now }).where('id', '=', invitation.id).where('status', '=', 'pending').executeTakeFirst()
  // revoked between the read and now: undo the membership with the whole transaction, which the user can retry
  if (Number(updated.numUpdatedRows) !== 1)
    throw new FapiError('organization_invitation_revoked_code', { meta: { param_name: 'ticket' } })
}
