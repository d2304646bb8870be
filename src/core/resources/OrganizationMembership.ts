import type { OrganizationMembershipJSON } from '../../contract'

/** The organization as a membership shows it. */
export interface MembershipOrganization {
  id: string
  name: string
  slug: string | null
  imageUrl: string
  hasImage: boolean
  membersCount: number
  pendingInvitationsCount: number
  maxAllowedMemberships: number
  adminDeleteEnabled: boolean
  publicMetadata: Record<string, unknown>
  createdAt: Date
  updatedAt: Date
}

/**
 * One of the user's organization memberships, as carried by `user.organization_memberships`;
 * `role` and `permissions` keep their `org:` prefix because `has()` compares them that way.
 */
export class OrganizationMembership {
  id: string
  organization: MembershipOrganization
  /** Role key, e.g. `org:admin`. */
  role: string
  roleName: string
  /** Permission keys, e.g. `org:sys_memberships:manage`. */
  permissions: string[]
  publicMetadata: Record<string, unknown>
  createdAt: Date
  updatedAt: Date

  constructor(json: OrganizationMembershipJSON) {
    const org = json.organization
    this.id = json.id
    this.organization = {
      id: org.id,
      name: org.name,
      slug: org.slug,
      imageUrl: org.image_url,
      hasImage: org.has_image,
      membersCount: org.members_count ?? 0,
      pendingInvitationsCount: org.pending_invitations_count ?? 0,
      maxAllowedMemberships: org.max_allowed_memberships,
      adminDeleteEnabled: org.admin_delete_enabled,
      publicMetadata: { ...org.public_metadata },
      createdAt: new Date(org.created_at),
      updatedAt: new Date(org.updated_at),
    }
    this.role = json.role
    this.roleName = json.role_name ?? json.role
    this.permissions = [...json.permissions]
    this.publicMetadata = { ...json.public_metadata }
    this.createdAt = new Date(json.created_at)
    this.updatedAt = new Date(json.updated_at)
  }
}
