import type { Kysely } from 'kysely'
import type { PorticoConfig } from '../config'
import type { Database } from '../db/schema'
import { organizationRoles } from './organizationRoles'

/** The v2 encoding of custom permissions: org-scoped features, permission names and one bitmask per feature. */
export interface EncodedOrgPermissions {
  /** `o:<feature>` entries, comma-separated. */
  fea: string
  /** Permission (action) names, comma-separated. */
  per: string
  /** One decimal bitmask per `fea` entry: bit i grants `per[i]`. */
  fpm: string
}

/**
 * Encodes `org:<feature>:<action>` permissions the way v2 session tokens carry them (fapi.md 5.1): for
 * `org:invoices:read`, `org:invoices:create`, `org:reports:read` that is fea `o:invoices,o:reports`,
 * per `read,create`, fpm `3,1`. System permissions (`org:sys_*`) never travel in tokens.
 */
export function encodeOrgPermissions(permissions: readonly string[]): EncodedOrgPermissions {
  const features: string[] = []
  const actions: string[] = []
  const grants: [number, number][] = []
  for (const permission of permissions) {
    const [prefix, feature, action, ...rest] = permission.split(':')
    if (prefix !== 'org' || !feature || !action || rest.length > 0 || feature.startsWith('sys_'))
      continue
    if (!features.includes(feature))
      features.push(feature)
    if (!actions.includes(action))
      actions.push(action)
    grants.push([features.indexOf(feature), actions.indexOf(action)])
  }
  const masks = features.map(() => 0n)
  for (const [feature, action] of grants)
    masks[feature]! |= 1n << BigInt(action)
  return { fea: features.map(feature => `o:${feature}`).join(','), per: actions.join(','), fpm: masks.join(',') }
}

/** Custom permissions only: what v1's `org_permissions` lists. */
function customPermissions(permissions: readonly string[]): string[] {
  return permissions.filter(permission => !permission.startsWith('org:sys_'))
}

/**
 * The organization claims of a session token for the active organization: v2's `o` (`id`, `slg`, `rol`
 * without its prefix, `per`, `fpm`) with `fea`, or v1's `org_id`, `org_slug`, `org_role`,
 * `org_permissions` when `organizations.tokenClaimsVersion` is 1. A user who is no longer a member
 * gets no organization claims: the token then reads as the personal account.
 */
export async function organizationClaims(db: Kysely<Database>, config: PorticoConfig, userId: string, organizationId: string): Promise<Record<string, unknown>> {
  const found = await db.selectFrom('organization_memberships')
    .innerJoin('organizations', 'organizations.id', 'organization_memberships.organization_id')
    .select(['organizations.id', 'organizations.slug', 'organization_memberships.role'])
    .where('organization_memberships.organization_id', '=', organizationId)
    .where('organization_memberships.user_id', '=', userId)
    .executeTakeFirst()
  if (!found)
    return {}
  const permissions = organizationRoles(config).permissionsOf(found.role)
  if (config.organizations.tokenClaimsVersion === 1)
    return { org_id: found.id, org_slug: found.slug, org_role: found.role, org_permissions: customPermissions(permissions) }
  const { fea, per, fpm } = encodeOrgPermissions(permissions)
  return {
    ...(fea ? { fea } : {}),
    o: { id: found.id, slg: found.slug, rol: found.role.replace(/^org:/, ''), per, fpm },
  }
}
