import type { OrganizationJSON } from '../../contract'
import type {
  AddMemberParams,
  CreateOrganizationDomainParams,
  GetDomainsParams,
  GetInvitationsParams,
  GetMembershipRequestParams,
  GetMembersParams,
  GetRolesParams,
  InviteMemberParams,
  InviteMembersParams,
  SetOrganizationLogoParams,
  UpdateMembershipParams,
  UpdateOrganizationParams,
} from './organizationParams'
import type { ClerkPaginatedResponse } from './pagination'
import type { ResourceContext } from './ResourceContext'
import type { GetRolesResponse } from './Role'

import { BaseResource } from './BaseResource'
import { imageUploadBody } from './imageUploadBody'
import { OrganizationDomain } from './OrganizationDomain'
import { OrganizationInvitation } from './OrganizationInvitation'
import { OrganizationMembership } from './OrganizationMembership'
import { OrganizationMembershipRequest } from './OrganizationMembershipRequest'
import { fetchPage } from './pagination'
import { fetchRoles } from './Role'

/**
 * An organization (`/organizations/:id`), as ClerkJS's `Organization`. Every call acts for the
 * current session, and the server checks the session user's permissions in this organization.
 */
export class Organization extends BaseResource {
  id = ''
  name = ''
  /** `null` when the instance does not use slugs. */
  slug: string | null = null
  imageUrl = ''
  hasImage = false
  membersCount = 0
  pendingInvitationsCount = 0
  /** 0 means unlimited. */
  maxAllowedMemberships = 0
  adminDeleteEnabled = false
  selfServeSSOEnabled = false
  exclusiveMembership = false
  publicMetadata: Record<string, unknown> = {}
  createdAt = new Date(0)
  updatedAt = new Date(0)

  constructor(json: OrganizationJSON, ctx: ResourceContext) {
    super(ctx)
    this.fromJSON(json)
  }

  /** Renames the organization or changes its slug (`org:sys_profile:manage`). */
  async update(params: UpdateOrganizationParams): Promise<this> {
    const { response } = await this.ctx.request({ path: this.path(), method: 'PATCH', body: { ...params }, contract: 'organization' })
    return this.fromJSON(response)
  }

  /**
   * Uploads the logo, or removes it with `{ file: null }` (`org:sys_profile:manage`). Afterwards
   * `imageUrl` points at the new logo and `hasImage` says whether there is one.
   */
  async setLogo({ file }: SetOrganizationLogoParams): Promise<this> {
    const { response } = file === null
      ? await this.ctx.request({ path: this.path('/logo'), method: 'DELETE', contract: 'organization' })
      : await this.ctx.request({ path: this.path('/logo'), method: 'PUT', body: imageUploadBody(file), contract: 'organization' })
    return this.fromJSON(response)
  }

  /** Deletes the organization (`org:sys_profile:delete`, when the instance allows it). */
  async destroy(): Promise<void> {
    await this.ctx.request({ path: this.path(), method: 'DELETE', contract: 'deletedObject' })
  }

  /** Re-reads the organization from the server. */
  async reload(): Promise<this> {
    const { response } = await this.ctx.request({ path: this.path(), method: 'GET', contract: 'organization' })
    return this.fromJSON(response)
  }

  /** A page of members, with their public user data (`org:sys_memberships:read`). */
  async getMemberships(params: GetMembersParams = {}): Promise<ClerkPaginatedResponse<OrganizationMembership>> {
    const { role, query, ...page } = params
    return fetchPage(this.ctx, {
      path: this.path('/memberships'),
      params: page,
      filters: { role, query: query || undefined },
      item: 'organizationMembership',
      build: json => new OrganizationMembership(json, this.ctx),
    })
  }

  /** Adds an existing user as a member (`org:sys_memberships:manage`). */
  async addMember(params: AddMemberParams): Promise<OrganizationMembership> {
    return this.membership('/memberships', 'POST', { userId: params.userId, role: params.role })
  }

  /** Changes a member's role (`org:sys_memberships:manage`). */
  async updateMember(params: UpdateMembershipParams): Promise<OrganizationMembership> {
    return this.membership(`/memberships/${params.userId}`, 'PATCH', { role: params.role })
  }

  /** Removes a member (`org:sys_memberships:manage`); answers the membership that ended. */
  async removeMember(userId: string): Promise<OrganizationMembership> {
    return this.membership(`/memberships/${userId}`, 'DELETE')
  }

  /** A page of invitations, optionally only some states (`org:sys_memberships:read`). */
  async getInvitations(params: GetInvitationsParams = {}): Promise<ClerkPaginatedResponse<OrganizationInvitation>> {
    const { status, ...page } = params
    return fetchPage(this.ctx, {
      path: this.path('/invitations'),
      params: page,
      filters: { status },
      item: 'organizationInvitation',
      build: json => new OrganizationInvitation(json, this.ctx),
    })
  }

  /** Invites someone by email; they join when they accept (`org:sys_memberships:manage`). */
  async inviteMember(params: InviteMemberParams): Promise<OrganizationInvitation> {
    const { response } = await this.ctx.request({
      path: this.path('/invitations'),
      method: 'POST',
      body: { emailAddress: params.emailAddress, role: params.role },
      contract: 'organizationInvitation',
    })
    return new OrganizationInvitation(response, this.ctx)
  }

  /** Invites several people with the same role in one call. */
  async inviteMembers(params: InviteMembersParams): Promise<OrganizationInvitation[]> {
    const { response } = await this.ctx.request({
      path: this.path('/invitations/bulk'),
      method: 'POST',
      body: { emailAddress: params.emailAddresses, role: params.role },
      contract: 'organizationInvitation[]',
    })
    return response.map(json => new OrganizationInvitation(json, this.ctx))
  }

  /** The roles members can hold here, with their permissions. */
  async getRoles(params: GetRolesParams = {}): Promise<GetRolesResponse> {
    return fetchRoles(this.ctx, this.path('/roles'), params)
  }

  /** A page of the organization's email domains (`org:sys_domains:read`). */
  async getDomains(params: GetDomainsParams = {}): Promise<ClerkPaginatedResponse<OrganizationDomain>> {
    const { enrollmentMode, ...page } = params
    return fetchPage(this.ctx, {
      path: this.path('/domains'),
      params: page,
      filters: { enrollment_mode: enrollmentMode },
      item: 'organizationDomain',
      build: json => new OrganizationDomain(json, this.ctx),
    })
  }

  /** One of the organization's domains. */
  async getDomain({ domainId }: { domainId: string }): Promise<OrganizationDomain> {
    const { response } = await this.ctx.request({ path: this.path(`/domains/${domainId}`), method: 'GET', contract: 'organizationDomain' })
    return new OrganizationDomain(response, this.ctx)
  }

  /** Adds an email domain; verify it with `prepareAffiliationVerification` (`org:sys_domains:manage`). */
  async createDomain(name: string, params: CreateOrganizationDomainParams = {}): Promise<OrganizationDomain> {
    const { response } = await this.ctx.request({
      path: this.path('/domains'),
      method: 'POST',
      body: { name, enrollmentMode: params.enrollmentMode },
      contract: 'organizationDomain',
    })
    return new OrganizationDomain(response, this.ctx)
  }

  /** A page of requests to join (from verified domains), optionally one state only. */
  async getMembershipRequests(params: GetMembershipRequestParams = {}): Promise<ClerkPaginatedResponse<OrganizationMembershipRequest>> {
    const { status, ...page } = params
    return fetchPage(this.ctx, {
      path: this.path('/membership_requests'),
      params: page,
      filters: { status },
      item: 'organizationMembershipRequest',
      build: json => new OrganizationMembershipRequest(json, this.ctx),
    })
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: OrganizationJSON): this {
    this.id = json.id
    this.name = json.name
    this.slug = json.slug
    this.imageUrl = json.image_url
    this.hasImage = json.has_image
    this.membersCount = json.members_count ?? 0
    this.pendingInvitationsCount = json.pending_invitations_count ?? 0
    this.maxAllowedMemberships = json.max_allowed_memberships
    this.adminDeleteEnabled = json.admin_delete_enabled
    this.selfServeSSOEnabled = json.self_serve_sso_enabled ?? false
    this.exclusiveMembership = json.exclusive_membership ?? false
    this.publicMetadata = { ...json.public_metadata }
    this.createdAt = new Date(json.created_at)
    this.updatedAt = new Date(json.updated_at)
    return this
  }

  private path(suffix = ''): string {
    return `/organizations/${this.id}${suffix}`
  }

  private async membership(suffix: string, method: 'POST' | 'PATCH' | 'DELETE', body?: Record<string, string>): Promise<OrganizationMembership> {
    const { response } = await this.ctx.request({ path: this.path(suffix), method, body, contract: 'organizationMembership' })
    return new OrganizationMembership(response, this.ctx)
  }
}
