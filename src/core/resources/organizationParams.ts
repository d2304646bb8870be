// Parameters of the Organization resource's methods, in ClerkJS's names.
import type { OrganizationInvitationStatus } from '../../contract'
import type { ImageUploadFile } from './imageUploadBody'
import type { OrganizationEnrollmentMode } from './OrganizationDomain'
import type { ClerkPaginationParams } from './pagination'

/** Options of `Organization.update`. */
export interface UpdateOrganizationParams {
  name: string
  /** Lower-case letters, digits and dashes; unique among organizations. */
  slug?: string
}

/** Options of `Organization.setLogo`. */
export interface SetOrganizationLogoParams {
  /** A PNG, JPEG, GIF or WebP image (at most 2 MB), or `null` to remove the logo. */
  file: ImageUploadFile
}

/** Options of `Organization.getMemberships`. */
export interface GetMembersParams extends ClerkPaginationParams {
  /** Only members holding one of these roles, e.g. `['org:admin']`. */
  role?: string[]
  /** Only members whose name, email or username contains this text. */
  query?: string
}

/** Options of `Organization.getInvitations`. */
export interface GetInvitationsParams extends ClerkPaginationParams {
  /** Only invitations in these states. @default every state */
  status?: OrganizationInvitationStatus[]
}

/** Options of `Organization.getMembershipRequests`. */
export interface GetMembershipRequestParams extends ClerkPaginationParams {
  /** Only requests in this state, e.g. `pending`. */
  status?: string
}

/** Options of `Organization.getDomains`. */
export interface GetDomainsParams extends ClerkPaginationParams {
  /** Only domains with this enrollment mode. */
  enrollmentMode?: OrganizationEnrollmentMode
}

/** Options of `Organization.getRoles`. */
export type GetRolesParams = ClerkPaginationParams

/** Options of `Organization.addMember`. */
export interface AddMemberParams {
  userId: string
  /** A role key, e.g. `org:member`. */
  role: string
}

/** Options of `Organization.updateMember`. */
export interface UpdateMembershipParams {
  userId: string
  role: string
}

/** Options of `Organization.inviteMember`. */
export interface InviteMemberParams {
  emailAddress: string
  role: string
}

/** Options of `Organization.inviteMembers`. */
export interface InviteMembersParams {
  emailAddresses: string[]
  role: string
}

/** Options of `Organization.createDomain` (the name is its first argument). */
export interface CreateOrganizationDomainParams {
  /** @default the server's default (`manual_invitation`) */
  enrollmentMode?: OrganizationEnrollmentMode
}
