import type { OrganizationDomainJSONInput } from '../contract'
import type { OrganizationDomainRow } from '../db/organizationRows'
import type { VerificationRow } from '../db/rows'
import { serializeVerification } from './verification'

/** How many people a domain currently invites or suggests the organization to. */
export interface DomainPendingCounts {
  invitations: number
  suggestions: number
}

/**
 * A verified (or to-be-verified) domain (fapi.md 4.10). `verification` and `affiliation_verification`
 * both show the email-code check of an address on the domain: that check is what verifies it here.
 */
export function serializeDomain(row: OrganizationDomainRow, verification: VerificationRow | null, counts: DomainPendingCounts, now: number): OrganizationDomainJSONInput {
  const base = serializeVerification(verification, now)
  // clerk-js reads a domain verification's expiry as `expires_at` (other verifications say `expire_at`)
  const shown = base && { ...base, expires_at: base.expire_at }
  return {
    object: 'organization_domain',
    id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    enrollment_mode: row.enrollment_mode as OrganizationDomainJSONInput['enrollment_mode'],
    affiliation_email_address: row.affiliation_email_address,
    verification: shown,
    affiliation_verification: shown,
    ownership_verification: null,
    total_pending_invitations: counts.invitations,
    total_pending_suggestions: counts.suggestions,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
