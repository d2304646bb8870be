import type { OrganizationInvitationJSON, OrganizationInvitationStatus } from '../../contract'
import type { ClerkPaginatedResponse, ClerkPaginationParams } from './pagination'
import type { PublicOrganizationData } from './PublicOrganizationData'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { fetchPage } from './pagination'
import { toPublicOrganizationData } from './PublicOrganizationData'

/** Options of `User.getOrganizationInvitations`. */
export interface GetUserOrganizationInvitationsParams extends ClerkPaginationParams {
  /** Only invitations in this state, e.g. `pending`. */
  status?: OrganizationInvitationStatus
}

/** An invitation addressed to the signed-in user (ClerkJS's `UserOrganizationInvitation`). */
export class UserOrganizationInvitation extends BaseResource {
  id = ''
  emailAddress = ''
  publicOrganizationData: PublicOrganizationData = { id: '', name: '', slug: null, imageUrl: '', hasImage: false }
  /** The role accepting gives, e.g. `org:member`. */
  role = ''
  roleName = ''
  status: OrganizationInvitationStatus = 'pending'
  publicMetadata: Record<string, unknown> = {}
  createdAt = new Date(0)
  updatedAt = new Date(0)

  constructor(json: OrganizationInvitationJSON, ctx: ResourceContext) {
    super(ctx)
    this.fromJSON(json)
  }

  /** Joins the organization; the user's memberships update with the piggybacked client. */
  async accept(): Promise<this> {
    const { response } = await this.ctx.request({
      path: `/me/organization_invitations/${this.id}/accept`,
      method: 'POST',
      contract: 'organizationInvitation',
    })
    return this.fromJSON(response)
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: OrganizationInvitationJSON): this {
    this.id = json.id
    this.emailAddress = json.email_address
    if (json.public_organization_data)
      this.publicOrganizationData = toPublicOrganizationData(json.public_organization_data)
    this.role = json.role
    this.roleName = json.role_name ?? json.role
    this.status = json.status
    this.publicMetadata = { ...json.public_metadata }
    this.createdAt = new Date(json.created_at)
    this.updatedAt = new Date(json.updated_at)
    return this
  }
}

/** Reads a page of the signed-in user's invitations (`GET /me/organization_invitations`). */
export function fetchUserInvitations(ctx: ResourceContext, params: GetUserOrganizationInvitationsParams = {}): Promise<ClerkPaginatedResponse<UserOrganizationInvitation>> {
  const { status, ...page } = params
  return fetchPage(ctx, {
    path: '/me/organization_invitations',
    params: page,
    filters: { status },
    item: 'organizationInvitation',
    build: json => new UserOrganizationInvitation(json, ctx),
  })
}
