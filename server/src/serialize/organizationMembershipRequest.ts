import type { OrganizationMembershipRequestJSONInput, PublicUserDataJSONInput } from '../contract'
import type { OrganizationMembershipRequestRow } from '../db/organizationRows'

/** A request to join an organization, as its admins see it (fapi.md 4.10). */
export function serializeMembershipRequest(row: OrganizationMembershipRequestRow, publicUserData: PublicUserDataJSONInput): OrganizationMembershipRequestJSONInput {
  return {
    object: 'organization_membership_request',
    id: row.id,
    organization_id: row.organization_id,
    status: row.status,
    public_user_data: publicUserData,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
