import type { Kysely } from 'kysely'
import type { OrganizationDomainRow } from '../db/organizationRows'
import type { Database } from '../db/schema'
import type { Deps } from '../deps'
import { domainHolders } from './domainHolders'
import { derivedId } from './userOrganizationInvitations'

async function isVerified(trx: Kysely<Database>, domain: OrganizationDomainRow): Promise<boolean> {
  if (!domain.affiliation_verification_id)
    return false
  const verification = await trx.selectFrom('verifications').select('status').where('id', '=', domain.affiliation_verification_id).executeTakeFirst()
  return verification?.status === 'verified'
}

/**
 * `update_enrollment_mode` (Clerk's `updateEnrollmentMode({ enrollmentMode, deletePending })`). A domain's
 * invitations and suggestions are not stored: they follow its current mode. So that `delete_pending=false`
 * (the default) keeps the invitations a verified domain has handed out, leaving `automatic_invitation`
 * stores the pending ones as ordinary invitations (same ids, the domain's default role, the usual
 * lifetime, no email; one an earlier change kept that has lapsed since is renewed).
 * `delete_pending=true` withdraws them instead, and deletes those an earlier change kept. Pending
 * suggestions end with their mode either way: a suggestion is only an offer to ask.
 */
export async function changeEnrollmentMode(deps: Deps, domain: OrganizationDomainRow, mode: string, deletePending: boolean): Promise<void> {
  const { db, clock, config } = deps
  await db.kysely.transaction().execute(async (trx) => {
    const now = clock()
    const leavesInvitations = domain.enrollment_mode === 'automatic_invitation' && mode !== 'automatic_invitation'
    const holders = (deletePending || leavesInvitations) && await isVerified(trx, domain) ? await domainHolders(trx, domain) : []
    if (deletePending && holders.length > 0) {
      const kept = holders.map(holder => derivedId('orginv', domain.id, holder.userId))
      await trx.deleteFrom('organization_invitations').where('organization_id', '=', domain.organization_id).where('id', 'in', kept).where('status', '=', 'pending').execute()
    }
    else if (leavesInvitations) {
      const candidates = holders.filter(holder => !holder.member)
      // someone an admin invited already keeps that invitation instead
      const invited = new Set(candidates.length === 0
        ? []
        : (await trx.selectFrom('organization_invitations').select('email_normalized').where('organization_id', '=', domain.organization_id).where('status', '=', 'pending').where('expires_at', '>', now).where('email_normalized', 'in', candidates.map(holder => holder.emailNormalized)).execute()).map(row => row.email_normalized))
      for (const holder of candidates.filter(candidate => !invited.has(candidate.emailNormalized))) {
        const fresh = {
          email_address: holder.email,
          email_normalized: holder.emailNormalized,
          role: config.organizations.domains.defaultRole,
          status: 'pending',
          public_metadata: '{}',
          expires_at: now + config.organizations.invitationTtlSeconds * 1000,
          invited_by: null,
          created_at: now,
          updated_at: now,
        }
        // the id is the same every time: a row an earlier change kept that has since expired, been
        // revoked or been used (the user left since) is kept afresh, a pending one is left alone
        await trx.insertInto('organization_invitations')
          .values({ id: derivedId('orginv', domain.id, holder.userId), organization_id: domain.organization_id, ...fresh })
          .onConflict(conflict => conflict.column('id').doUpdateSet(fresh).where(eb => eb.or([
            eb('organization_invitations.status', '!=', 'pending'),
            eb('organization_invitations.expires_at', '<=', now),
          ])))
          .execute()
      }
    }
    await trx.updateTable('organization_domains').set({ enrollment_mode: mode, updated_at: now }).where('id', '=', domain.id).execute()
  })
}
