import type { OrganizationInvitationJSON, OrganizationInvitationStatus } from '../../contract'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { toDate } from './dates'

/** An invitation to an organization as its admins see it (ClerkJS's `OrganizationInvitation`). */
export class OrganizationInvitation extends BaseResource {
  id = ''
  emailAddress = ''
  organizationId = ''
  /** The role the invitee gets, e.g. `org:member`. */
  role = ''
  roleName = ''
  status: OrganizationInvitationStatus = 'pending'
  publicMetadata: Record<string, unknown> = {}
  expiresAt: Date | null = null
  createdAt = new Date(0)
  updatedAt = new Date(0)

  constructor(json: OrganizationInvitationJSON, ctx: ResourceContext) {
    super(ctx)
    this.fromJSON(json)
  }

  /** Withdraws the invitation (`org:sys_memberships:manage`); its link stops working. */
  async revoke(): Promise<this> {
    const { response } = await this.ctx.request({
      path: `/organizations/${this.organizationId}/invitations/${this.id}/revoke`,
      method: 'POST',
      contract: 'organizationInvitation',
    })
    return this.fromJSON(response)
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: OrganizationInvitationJSON): this {
    this.id = json.id
    this.emailAddress = json.email_address
    // the admin view names the organization by id; keep the one we had if a payload leaves it out
    this.organizationId = json.organization_id ?? json.public_organization_data?.id ?? this.organizationId
    this.role = json.role
    this.roleName = json.role_name ?? json.role
    this.status = json.status
    this.publicMetadata = { ...json.public_metadata }
    this.expiresAt = toDate(json.expires_at)
    this.createdAt = new Date(json.created_at)
    this.updatedAt = new Date(json.updated_at)
    return this
  }
}
