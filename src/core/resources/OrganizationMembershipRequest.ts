import type { OrganizationMembershipRequestJSON } from '../../contract'
import type { PublicUserData } from './PublicUserData'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { toPublicUserData } from './PublicUserData'

/** A user's request to join, as the organization's admins see it (ClerkJS's `OrganizationMembershipRequest`). */
export class OrganizationMembershipRequest extends BaseResource {
  id = ''
  organizationId = ''
  /** `pending`, `accepted` or `rejected`. */
  status = ''
  publicUserData!: PublicUserData
  createdAt = new Date(0)
  updatedAt = new Date(0)

  constructor(json: OrganizationMembershipRequestJSON, ctx: ResourceContext) {
    super(ctx)
    this.fromJSON(json)
  }

  /** Lets the user in (`org:sys_memberships:manage`). */
  async accept(): Promise<this> {
    return this.decide('accept')
  }

  /** Turns the request down (`org:sys_memberships:manage`). */
  async reject(): Promise<this> {
    return this.decide('reject')
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: OrganizationMembershipRequestJSON): this {
    this.id = json.id
    this.organizationId = json.organization_id
    this.status = json.status
    this.publicUserData = toPublicUserData(json.public_user_data)
    this.createdAt = new Date(json.created_at)
    this.updatedAt = new Date(json.updated_at)
    return this
  }

  private async decide(action: 'accept' | 'reject'): Promise<this> {
    const { response } = await this.ctx.request({
      path: `/organizations/${this.organizationId}/membership_requests/${this.id}/${action}`,
      method: 'POST',
      contract: 'organizationMembershipRequest',
    })
    return this.fromJSON(response)
  }
}
