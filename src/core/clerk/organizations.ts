import type { ResourceContext } from '../resources/ResourceContext'
import type { User } from '../resources/User'
import { Organization } from '../resources/Organization'

/** Options of `clerk.createOrganization`. */
export interface CreateOrganizationParams {
  name: string
  /** @default derived from the name by the server */
  slug?: string
}

/** Creates an organization with the signed-in user as its admin (`POST /organizations`). */
export async function createOrganization(ctx: ResourceContext, params: CreateOrganizationParams): Promise<Organization> {
  const { response } = await ctx.request({
    path: '/organizations',
    method: 'POST',
    body: { name: params.name, slug: params.slug || undefined },
    contract: 'organization',
  })
  return new Organization(response, ctx)
}

/** Reads one organization the signed-in user belongs to (`GET /organizations/:id`). */
export async function fetchOrganization(ctx: ResourceContext, organizationId: string): Promise<Organization> {
  const { response } = await ctx.request({ path: `/organizations/${organizationId}`, method: 'GET', contract: 'organization' })
  return new Organization(response, ctx)
}

/**
 * Turns `setActive`'s `organization` into the id to send: an object's id, `null` for the personal
 * account, or a string naming one of the user's organizations by id or (as clerk-js allows) by slug.
 * A string matching neither is sent as is, and the server refuses it.
 */
export function resolveOrganizationId(organization: { id: string } | string | null, user: User | null | undefined): string | null {
  if (organization === null)
    return null
  if (typeof organization !== 'string')
    return organization.id
  const memberships = user?.organizationMemberships ?? []
  const byId = memberships.find(m => m.organization.id === organization)
  const bySlug = byId ? undefined : memberships.find(m => m.organization.slug === organization)
  return (byId ?? bySlug)?.organization.id ?? organization
}
