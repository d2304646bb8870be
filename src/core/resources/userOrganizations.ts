import type { DeletedObject } from './DeletedObject'
import type { ClerkPaginatedResponse, ClerkPaginationParams } from './pagination'
import type { ResourceContext } from './ResourceContext'
import { toDeletedObject } from './DeletedObject'
import { OrganizationMembership } from './OrganizationMembership'
import { fetchPage } from './pagination'

/** Options of `User.getOrganizationMemberships`. */
export type GetUserOrganizationMembershipParams = ClerkPaginationParams

/** Reads a page of the signed-in user's memberships (`GET /me/organization_memberships`). */
export function fetchUserMemberships(ctx: ResourceContext, userId: string, params: GetUserOrganizationMembershipParams = {}): Promise<ClerkPaginatedResponse<OrganizationMembership>> {
  return fetchPage(ctx, {
    path: '/me/organization_memberships',
    params,
    item: 'organizationMembership',
    build: json => new OrganizationMembership(json, ctx, userId),
  })
}

/** Leaves an organization (`DELETE /me/organization_memberships/:orgId`); its last admin cannot. */
export async function leaveOrganization(ctx: ResourceContext, organizationId: string): Promise<DeletedObject> {
  const { response } = await ctx.request({ path: `/me/organization_memberships/${organizationId}`, method: 'DELETE', contract: 'deletedObject' })
  return toDeletedObject(response)
}
