import type { Deps } from '../deps'
import { FapiError } from '../errors/fapiError'

/**
 * Resolves an `active_organization_id` / `organization_id` parameter for a user: '' or absent is the
 * personal account (null). Organizations do not exist yet, so any id is one the user is not a member
 * of; the organizations work replaces this with a membership lookup (and adds the `o` claim).
 */
export async function resolveOrganization(_deps: Deps, _userId: string, organizationId: string | undefined): Promise<string | null> {
  if (organizationId === undefined || organizationId === '' || organizationId === 'null')
    return null
  throw new FapiError('not_a_member_in_organization', { meta: { param_name: 'organization_id' } })
}
