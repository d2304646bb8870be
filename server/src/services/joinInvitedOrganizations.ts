import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Deps } from '../deps'
import { FapiError } from '../errors/fapiError'
import { insertMembership } from './organizationMembers'

/**
 * Puts a new user into every organization that invited their (just verified) address, inside the sign-up
 * transaction: an invited person who had no account signs up and lands in the organization. An
 * organization that is full keeps the invitation pending instead of failing the sign-up.
 */
export async function joinInvitedOrganizations(trx: Kysely<Database>, deps: Deps, userId: string, emailNormalized: string): Promise<void> {
  if (!deps.config.organizations.enabled)
    return
  const now = deps.clock()
  const invitations = await trx.selectFrom('organization_invitations').selectAll().where('email_normalized', '=', emailNormalized).where('status', '=', 'pending').where('expires_at', '>', now).orderBy('created_at').execute()
  for (const invitation of invitations) {
    try {
      await insertMembership(trx, deps, { organizationId: invitation.organization_id, userId, role: invitation.role })
    }
    catch (error) {
      // insertMembership refuses before writing anything, so the transaction stays usable
      if (error instanceof FapiError)
        continue
      throw error
    }
    await trx.updateTable('organization_invitations').set({ status: 'accepted', updated_at: now }).where('id', '=', invitation.id).where('status', '=', 'pending').execute()
  }
}
