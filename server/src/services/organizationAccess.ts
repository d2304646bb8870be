import type { Context } from 'hono'
import type { AppEnv } from '../appEnv'
import type { PorticoConfig } from '../config'
import type { OrganizationMembershipRow, OrganizationRow } from '../db/organizationRows'
import type { Deps } from '../deps'
import type { Acting } from '../http/actingSession'
import { FapiError, notFound } from '../errors/fapiError'
import { actingSession } from '../http/actingSession'
import { organizationRoles } from './organizationRoles'

/** Who acts on an organization: the session, the organization and the acting user's membership in it. */
export interface OrganizationAccess extends Acting {
  organization: OrganizationRow
  membership: OrganizationMembershipRow
  /** What the membership's role grants, `org:`-prefixed. */
  permissions: ReadonlySet<string>
}

/** `403 organization_not_enabled_in_instance` when the configuration turns organizations off. */
export function assertOrganizationsEnabled(config: PorticoConfig): void {
  if (!config.organizations.enabled)
    throw new FapiError('organization_not_enabled_in_instance')
}

/**
 * Resolves the acting session and its membership in the organization the path names. An organization
 * that does not exist and one the user does not belong to answer alike, `404 resource_not_found`
 * (AZ-3: no existence leak). Read fresh on every request (AZ-5: a role change applies at once).
 */
export async function organizationAccess(c: Context<AppEnv>, deps: Deps, organizationId: string): Promise<OrganizationAccess> {
  assertOrganizationsEnabled(deps.config)
  const acting = await actingSession(c, deps)
  const found = await deps.db.kysely.selectFrom('organization_memberships')
    .innerJoin('organizations', 'organizations.id', 'organization_memberships.organization_id')
    .selectAll('organizations')
    .select(['organization_memberships.id as membership_id', 'organization_memberships.role as membership_role', 'organization_memberships.public_metadata as membership_public_metadata', 'organization_memberships.created_at as membership_created_at', 'organization_memberships.updated_at as membership_updated_at'])
    .where('organization_memberships.organization_id', '=', organizationId)
    .where('organization_memberships.user_id', '=', acting.session.user_id)
    .executeTakeFirst()
  if (!found)
    throw notFound()
  const { membership_id, membership_role, membership_public_metadata, membership_created_at, membership_updated_at, ...organization } = found
  const membership: OrganizationMembershipRow = {
    id: membership_id,
    organization_id: organization.id,
    user_id: acting.session.user_id,
    role: membership_role,
    public_metadata: membership_public_metadata,
    created_at: membership_created_at,
    updated_at: membership_updated_at,
  }
  return { ...acting, organization, membership, permissions: new Set(organizationRoles(deps.config).permissionsOf(membership.role)) }
}

/** Deny by default (AZ-1): `403 missing_organization_permission` unless the acting role grants `permission`. */
export function requirePermission(access: OrganizationAccess, permission: string): void {
  if (!access.permissions.has(permission))
    throw new FapiError('missing_organization_permission', { meta: { permission } })
}

/** `organizationAccess` followed by `requirePermission`. */
export async function organizationAccessWith(c: Context<AppEnv>, deps: Deps, organizationId: string, permission: string): Promise<OrganizationAccess> {
  const access = await organizationAccess(c, deps, organizationId)
  requirePermission(access, permission)
  return access
}
