import type { PorticoConfig } from '../config'
import type { OrganizationInvitationJSONInput } from '../contract'
import type { OrganizationInvitationRow, OrganizationRow } from '../db/organizationRows'
import { organizationRoles } from '../services/organizationRoles'
import { parseMetadata } from './metadata'
import { serializePublicOrganizationData } from './organization'

/** The state an invitation shows now: a pending one past its expiry reads `expired`. */
export function invitationStatus(row: OrganizationInvitationRow, now: number): 'pending' | 'accepted' | 'revoked' | 'expired' {
  if (row.status === 'pending' && row.expires_at <= now)
    return 'expired'
  return row.status as 'pending' | 'accepted' | 'revoked'
}

/**
 * An invitation (fapi.md 4.10). The admin view carries `organization_id`; the invitee's `/me` view
 * (pass the organization) carries `public_organization_data` instead.
 */
export function serializeInvitation(row: OrganizationInvitationRow, config: PorticoConfig, now: number, forInvitee?: OrganizationRow): OrganizationInvitationJSONInput {
  return {
    object: 'organization_invitation',
    id: row.id,
    email_address: row.email_address,
    ...(forInvitee ? { public_organization_data: serializePublicOrganizationData(forInvitee, config) } : { organization_id: row.organization_id }),
    role: row.role,
    role_name: organizationRoles(config).role(row.role)?.name ?? row.role,
    status: invitationStatus(row, now),
    public_metadata: parseMetadata(row.public_metadata),
    url: null,
    expires_at: row.expires_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
