import type { Kysely } from 'kysely'
import type { OrganizationDomainRow } from '../db/organizationRows'
import type { Database } from '../db/schema'

/** A user holding a verified address on a domain (the first one, when they hold several). */
export interface DomainHolder {
  userId: string
  email: string
  emailNormalized: string
  member: boolean
}

/** Every user holding a verified address on the domain, whether they belong to its organization or not. */
export async function domainHolders(db: Kysely<Database>, domain: OrganizationDomainRow): Promise<DomainHolder[]> {
  const rows = await db.selectFrom('email_addresses')
    .innerJoin('verifications', 'verifications.id', 'email_addresses.verification_id')
    .leftJoin('organization_memberships', join => join
      .onRef('organization_memberships.user_id', '=', 'email_addresses.user_id')
      .on('organization_memberships.organization_id', '=', domain.organization_id))
    .select(['email_addresses.user_id', 'email_addresses.email_address', 'email_addresses.email_normalized', 'organization_memberships.id as membership_id'])
    .where('verifications.status', '=', 'verified')
    // domain names hold only [a-z0-9.-] (validated), so the pattern has no wildcard of its own
    .where('email_addresses.email_normalized', 'like', `%@${domain.name}`)
    .orderBy('email_addresses.email_normalized')
    .execute()
  const byUser = new Map<string, DomainHolder>()
  for (const row of rows) {
    if (!byUser.has(row.user_id))
      byUser.set(row.user_id, { userId: row.user_id, email: row.email_address, emailNormalized: row.email_normalized, member: row.membership_id !== null })
  }
  return [...byUser.values()]
}
