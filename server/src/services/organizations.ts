import type { Deps } from '../deps'
import { findMembership } from '../db/queries/organizationMemberships'
import { FapiError } from '../errors/fapiError'

/**
 * Resolves an `active_organization_id` / `organization_id` parameter for a user: '' or absent is the
 * personal account (null); anything else must be an organization the user belongs to, otherwise
 * `403 not_a_member_in_organization` (the switch is refused and the session stays as it was).
 */
export async function resolveOrganization(deps: Deps, userId: string, organizationId: string | undefined): Promise<string | null> {
  if (organizationId === undefined || organizationId === '' || organizationId === 'null')
    return null
  if (deps.config.organizations.enabled && await findMembership(deps.db.kysely, organizationId, userId))
    return organizationId
  throw new FapiError('not_a_member_in_organization', { meta: { param_name: 'organization_id' } })
}
