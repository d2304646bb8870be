import type { OrganizationDomainJSONInput } from '../contract'
import type { OrganizationDomainRow } from '../db/organizationRows'
import type { Deps } from '../deps'
import { usersReachedByDomain } from '../db/queries/organizationDomains'
import { loadVerifications } from '../db/queries/userGraphs'
import { FapiError, missingParam } from '../errors/fapiError'
import { serializeDomain } from '../serialize/organizationDomain'
import { domainHolders } from './domainHolders'
import { normalizeEmail } from './emails'
import { derivedId } from './userOrganizationInvitations'

// free mail providers: nobody proves they speak for an organization by holding an address there
const COMMON_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'zoho.com',
  'qq.com',
  '163.com',
  'fastmail.com',
  'hey.com',
])

/**
 * A domain name as stored: the rules of an email address's domain (IN-3; IDN to A-label, lower case).
 * Free mail providers are `422 organization_domain_common`.
 */
export function parseDomainName(input: string | undefined): string {
  if (input === undefined || input.trim() === '')
    throw missingParam('name')
  // the email canonicalizer already knows what a valid domain is
  const name = normalizeEmail(`x@${input.trim()}`, 'name').normalized.slice(2)
  if (COMMON_DOMAINS.has(name))
    throw new FapiError('organization_domain_common', { meta: { param_name: 'name' } })
  return name
}

/** True when an address is on the domain (its canonical domain part equals the name). */
export function emailOnDomain(normalizedEmail: string, domain: string): boolean {
  return normalizedEmail.slice(normalizedEmail.lastIndexOf('@') + 1) === domain
}

/** Domains as FAPI JSON, with their verification and how many users each one currently reaches. */
export async function domainsJSON(deps: Deps, rows: readonly OrganizationDomainRow[]): Promise<OrganizationDomainJSONInput[]> {
  const now = deps.clock()
  const verifications = await loadVerifications(deps.db.kysely, rows.flatMap(row => row.affiliation_verification_id ? [row.affiliation_verification_id] : []))
  return Promise.all(rows.map(async (row) => {
    const verification = row.affiliation_verification_id ? verifications.get(row.affiliation_verification_id) ?? null : null
    const verified = verification?.status === 'verified'
    const reached = verified && row.enrollment_mode !== 'manual_invitation'
      ? await usersReachedByDomain(deps.db.kysely, row, row.enrollment_mode === 'automatic_suggestion')
      : 0
    return serializeDomain(row, verification, {
      invitations: row.enrollment_mode === 'automatic_invitation' ? reached : verified ? await keptInvitations(deps, row, now) : 0,
      suggestions: row.enrollment_mode === 'automatic_suggestion' ? reached : 0,
    }, now)
  }))
}

/** How many invitations the domain handed out are still pending after it stopped inviting (changeEnrollmentMode). */
async function keptInvitations(deps: Deps, domain: OrganizationDomainRow, now: number): Promise<number> {
  const ids = (await domainHolders(deps.db.kysely, domain)).filter(holder => !holder.member).map(holder => derivedId('orginv', domain.id, holder.userId))
  if (ids.length === 0)
    return 0
  const row = await deps.db.kysely.selectFrom('organization_invitations').select(eb => eb.fn.countAll<number>().as('n')).where('organization_id', '=', domain.organization_id).where('id', 'in', ids).where('status', '=', 'pending').where('expires_at', '>', now).executeTakeFirst()
  return Number(row?.n ?? 0)
}
