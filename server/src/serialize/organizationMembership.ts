import type { PorticoConfig } from '../config'
import type { OrganizationMembershipJSONInput, PublicUserDataJSONInput } from '../contract'
import type { MembershipView } from '../db/queries/organizationMemberships'
import { organizationRoles } from '../services/organizationRoles'
import { parseMetadata } from './metadata'
import { serializeOrganization } from './organization'

/**
 * A membership (fapi.md 4.10) with its `org:`-prefixed role and permissions, system ones included:
 * clerk-js's `has()` and the prebuilt UI read them from here. Member lists add `public_user_data`.
 */
export function serializeMembership(view: MembershipView, config: PorticoConfig, publicUserData?: PublicUserDataJSONInput): OrganizationMembershipJSONInput {
  const { row } = view
  const roles = organizationRoles(config)
  return {
    object: 'organization_membership',
    id: row.id,
    organization: serializeOrganization(view.organization, config),
    role: row.role,
    role_name: roles.role(row.role)?.name ?? row.role,
    permissions: roles.permissionsOf(row.role),
    public_metadata: parseMetadata(row.public_metadata),
    ...(publicUserData ? { public_user_data: publicUserData } : {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
