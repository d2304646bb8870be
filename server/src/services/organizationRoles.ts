import type { PorticoConfig } from '../config'
import type { SystemPermissionKey } from '../organizationsConfig'
import { SYSTEM_PERMISSION_KEYS } from '../organizationsConfig'

/** A permission as the roles endpoint lists it. */
export interface PermissionDefinition {
  key: string
  name: string
  description: string
  type: 'system' | 'user'
}

/** A role with its permission keys (`org:`-prefixed, system ones included). */
export interface RoleDefinition {
  key: string
  name: string
  description: string
  permissions: string[]
}

/** The instance's roles and permissions, built once per configuration. */
export interface OrganizationRoles {
  roles: RoleDefinition[]
  permissions: Map<string, PermissionDefinition>
  /** The role with this exact key (a closed set: `admin`, `ORG:ADMIN` and `a,b` are not roles). */
  role: (key: string) => RoleDefinition | undefined
  /** The permissions a role grants; an unknown role grants nothing. */
  permissionsOf: (key: string) => string[]
  /** Roles that can manage members: an organization must keep one member holding such a role. */
  managerRoles: () => string[]
}

const SYSTEM_NAMES: Record<SystemPermissionKey, [string, string]> = {
  'org:sys_profile:manage': ['Manage organization', 'Change the organization\'s name, slug and logo.'],
  'org:sys_profile:delete': ['Delete organization', 'Delete the organization.'],
  'org:sys_memberships:read': ['Read members', 'See the organization\'s members.'],
  'org:sys_memberships:manage': ['Manage members', 'Invite, remove and change the role of members.'],
  'org:sys_domains:read': ['Read domains', 'See the organization\'s verified domains.'],
  'org:sys_domains:manage': ['Manage domains', 'Add, verify and remove verified domains.'],
}

const cache = new WeakMap<PorticoConfig, OrganizationRoles>()

/**
 * Roles and permissions (fapi.md 6): `org:admin` holds every system permission and every custom one,
 * `org:member` reads members; the configuration adds roles and may redefine those two.
 */
export function organizationRoles(config: PorticoConfig): OrganizationRoles {
  const cached = cache.get(config)
  if (cached)
    return cached
  const { permissions: custom, roles: configured } = config.organizations
  const permissions = new Map<string, PermissionDefinition>()
  for (const key of SYSTEM_PERMISSION_KEYS)
    permissions.set(key, { key, name: SYSTEM_NAMES[key][0], description: SYSTEM_NAMES[key][1], type: 'system' })
  for (const permission of custom)
    permissions.set(permission.key, { ...permission, type: 'user' })

  const defaults: RoleDefinition[] = [
    { key: 'org:admin', name: 'Admin', description: 'Manages the organization and its members.', permissions: [...permissions.keys()] },
    { key: 'org:member', name: 'Member', description: 'Belongs to the organization.', permissions: ['org:sys_memberships:read'] },
  ]
  const roles = defaults.map(role => configured.find(candidate => candidate.key === role.key) ?? role)
  for (const role of configured) {
    if (!roles.some(existing => existing.key === role.key))
      roles.push(role)
  }
  const byKey = new Map(roles.map(role => [role.key, { ...role, permissions: [...new Set(role.permissions)] }]))
  const result: OrganizationRoles = {
    roles: [...byKey.values()],
    permissions,
    role: key => byKey.get(key),
    permissionsOf: key => byKey.get(key)?.permissions ?? [],
    managerRoles: () => [...byKey.values()].filter(role => role.permissions.includes('org:sys_memberships:manage')).map(role => role.key),
  }
  cache.set(config, result)
  return result
}
