import type { Kysely } from 'kysely'
import type { OrganizationDomainRow, OrganizationRow } from '../organizationRows'
import type { Database } from '../schema'

/** A verified domain that matches one of a user's verified addresses. */
export interface DomainMatch {
  domain: OrganizationDomainRow
  organization: OrganizationRow
  /** The user's address on that domain. */
  email: string
  /** When the domain was verified (the suggestion or invitation exists since then). */
  verifiedAt: number
}

/** The domain part of a canonical address. */
function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1)
}

/**
 * Verified domains of organizations the user does not belong to, matching the user's verified addresses,
 * in any of these enrollment modes: what becomes their domain invitations and suggestions.
 */
export async function domainMatchesForUser(db: Kysely<Database>, userId: string, modes: readonly string[]): Promise<DomainMatch[]> {
  const emails = await db.selectFrom('email_addresses')
    .innerJoin('verifications', 'verifications.id', 'email_addresses.verification_id')
    .select('email_addresses.email_normalized')
    .where('email_addresses.user_id', '=', userId)
    .where('verifications.status', '=', 'verified')
    .execute()
  const byDomain = new Map(emails.map(email => [domainOf(email.email_normalized), email.email_normalized]))
  if (byDomain.size === 0 || modes.length === 0)
    return []
  const rows = await db.selectFrom('organization_domains')
    .innerJoin('verifications', 'verifications.id', 'organization_domains.affiliation_verification_id')
    .innerJoin('organizations', 'organizations.id', 'organization_domains.organization_id')
    .selectAll('organization_domains')
    .select(['verifications.verified_at', 'organizations.name as organization_name', 'organizations.slug as organization_slug', 'organizations.public_metadata as organization_public_metadata', 'organizations.private_metadata as organization_private_metadata', 'organizations.created_by as organization_created_by', 'organizations.image_id as organization_image_id', 'organizations.created_at as organization_created_at', 'organizations.updated_at as organization_updated_at'])
    .where('verifications.status', '=', 'verified')
    .where('organization_domains.name', 'in', [...byDomain.keys()])
    .where('organization_domains.enrollment_mode', 'in', [...modes])
    .where(eb => eb.not(eb.exists(eb.selectFrom('organization_memberships').select('organization_memberships.id').whereRef('organization_memberships.organization_id', '=', 'organization_domains.organization_id').where('organization_memberships.user_id', '=', userId))))
    .orderBy('organization_domains.created_at')
    .orderBy('organization_domains.id')
    .execute()
  return rows.map(({ verified_at, organization_name, organization_slug, organization_public_metadata, organization_private_metadata, organization_created_by, organization_image_id, organization_created_at, organization_updated_at, ...domain }) => ({
    domain,
    organization: {
      id: domain.organization_id,
      name: organization_name,
      slug: organization_slug,
      public_metadata: organization_public_metadata,
      private_metadata: organization_private_metadata,
      created_by: organization_created_by,
      image_id: organization_image_id,
      created_at: organization_created_at,
      updated_at: organization_updated_at,
    },
    email: byDomain.get(domain.name)!,
    verifiedAt: verified_at ?? domain.created_at,
  }))
}

/**
 * How many users a verified domain currently reaches: people holding a verified address on it who are
 * not members and (for suggestions) have not asked to join yet.
 */
export async function usersReachedByDomain(db: Kysely<Database>, domain: OrganizationDomainRow, excludeRequesters: boolean): Promise<number> {
  let query = db.selectFrom('email_addresses')
    .innerJoin('verifications', 'verifications.id', 'email_addresses.verification_id')
    .where('verifications.status', '=', 'verified')
    // domain names hold only [a-z0-9.-] (validated), so the pattern has no wildcard of its own
    .where('email_addresses.email_normalized', 'like', `%@${domain.name}`)
    .where(eb => eb.not(eb.exists(eb.selectFrom('organization_memberships').select('organization_memberships.id').whereRef('organization_memberships.user_id', '=', 'email_addresses.user_id').where('organization_memberships.organization_id', '=', domain.organization_id))))
  if (excludeRequesters)
    query = query.where(eb => eb.not(eb.exists(eb.selectFrom('organization_membership_requests').select('organization_membership_requests.id').whereRef('organization_membership_requests.user_id', '=', 'email_addresses.user_id').where('organization_membership_requests.organization_id', '=', domain.organization_id))))
  const row = await query.select(eb => eb.fn.count<number>('email_addresses.user_id').distinct().as('n')).executeTakeFirst()
  return Number(row?.n ?? 0)
}
