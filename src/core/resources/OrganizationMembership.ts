import type { OrganizationMembershipJSON } from '../../contract'
import type { PublicUserData } from './PublicUserData'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { Organization } from './Organization'
import { toPublicUserData } from './PublicUserData'

/** Options of `OrganizationMembership.update`. */
export interface UpdateOrganizationMembershipParams {
  /** The new role key, e.g. `org:admin`. */
  role: string
}

/**
 * A user's membership in an organization (ClerkJS's `OrganizationMembership`): one of the signed-in
 * user's (`user.organizationMemberships`, `/me/organization_memberships`) or a row of an
 * organization's member list (with `publicUserData`). `role` and `permissions` keep their `org:`
 * prefix because `has()` compares them that way.
 */
export class OrganizationMembership extends BaseResource {
  id = ''
  organization!: Organization
  /** Role key, e.g. `org:admin`. */
  role = ''
  roleName = ''
  /** Permission keys, e.g. `org:sys_memberships:manage`. */
  permissions: string[] = []
  publicMetadata: Record<string, unknown> = {}
  /** Who the member is; present in member lists. */
  publicUserData: PublicUserData | null = null
  createdAt = new Date(0)
  updatedAt = new Date(0)

  /** The member's user id when the payload has no public user data (the signed-in user's own memberships). */
  private readonly ownerId: string | undefined

  constructor(json: OrganizationMembershipJSON, ctx: ResourceContext, ownerId?: string) {
    super(ctx)
    this.ownerId = ownerId
    this.fromJSON(json)
  }

  /** Changes this member's role (`org:sys_memberships:manage`). */
  async update(params: UpdateOrganizationMembershipParams): Promise<this> {
    return this.send('PATCH', { role: params.role })
  }

  /** Removes this member from the organization (`org:sys_memberships:manage`). */
  async destroy(): Promise<this> {
    return this.send('DELETE')
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: OrganizationMembershipJSON): this {
    this.id = json.id
    this.organization = new Organization(json.organization, this.ctx)
    this.role = json.role
    this.roleName = json.role_name ?? json.role
    this.permissions = [...json.permissions]
    this.publicMetadata = { ...json.public_metadata }
    this.publicUserData = json.public_user_data ? toPublicUserData(json.public_user_data) : null
    this.createdAt = new Date(json.created_at)
    this.updatedAt = new Date(json.updated_at)
    return this
  }

  private async send(method: 'PATCH' | 'DELETE', body?: Record<string, string>): Promise<this> {
    const userId = this.publicUserData?.userId ?? this.ownerId
    if (!userId)
      // eslint-disable-next-line node/prefer-global/process
      throw new Error(process.env.NODE_ENV !== 'production' ? '[portico] This membership names no user: update or remove members from organization.getMemberships(), or leave with user.leaveOrganization().' : '[portico] membership-without-user')
    const { response } = await this.ctx.request({
      path: `/organizations/${this.organization.id}/memberships/${userId}`,
      method,
      body,
      contract: 'organizationMembership',
    })
    return this.fromJSON(response)
  }
}
