import type { PermissionJSONInput, RoleJSONInput } from '../contract'
import type { OrganizationRoles, PermissionDefinition, RoleDefinition } from '../services/organizationRoles'

// roles and permissions live in the configuration, not in rows: they carry one fixed timestamp
const DEFINED_AT = Date.UTC(2024, 0, 1)

function stableId(prefix: string, key: string): string {
  return `${prefix}_${key.replace(/^org:/, '').replace(/\W/g, '_')}`
}

/** A permission (fapi.md 4.10); its id is derived from its key so it stays the same across restarts. */
export function serializePermission(permission: PermissionDefinition): PermissionJSONInput {
  return {
    object: 'permission',
    id: stableId('perm', permission.key),
    key: permission.key,
    name: permission.name,
    description: permission.description,
    type: permission.type,
    created_at: DEFINED_AT,
    updated_at: DEFINED_AT,
  }
}

/** A role with its permissions (fapi.md 4.10); roles that manage members may be given to creators. */
export function serializeRole(role: RoleDefinition, roles: OrganizationRoles): RoleJSONInput {
  return {
    object: 'role',
    id: stableId('role', role.key),
    key: role.key,
    name: role.name,
    description: role.description,
    is_creator_eligible: role.permissions.includes('org:sys_memberships:manage'),
    permissions: role.permissions.flatMap((key) => {
      const permission = roles.permissions.get(key)
      return permission ? [serializePermission(permission)] : []
    }),
    created_at: DEFINED_AT,
    updated_at: DEFINED_AT,
  }
}
