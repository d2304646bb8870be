/**
 * Organization tables (fapi.md 4.10). Roles and permissions are not stored: they come from the
 * configuration, and a membership keeps its role key. Invitations and requests keep their state in
 * `status`; an invitation past `expires_at` reads as expired whatever it says.
 */
export interface OrganizationTables {
  organizations: OrganizationTable
  organization_memberships: OrganizationMembershipTable
  organization_invitations: OrganizationInvitationTable
  organization_membership_requests: OrganizationMembershipRequestTable
  organization_domains: OrganizationDomainTable
}

export interface OrganizationTable {
  id: string
  name: string
  /** Lower-case letters, digits and single hyphens; unique. */
  slug: string
  public_metadata: string
  private_metadata: string
  /** The user who created it (counts against their creation limit); null once that user is gone. */
  created_by: string | null
  /** The current logo (`images.id`); null = none, initials are shown. */
  image_id: string | null
  created_at: number
  updated_at: number
}

/** One user in one organization (unique per pair), with a role key such as `org:admin`. */
export interface OrganizationMembershipTable {
  id: string
  organization_id: string
  user_id: string
  role: string
  public_metadata: string
  created_at: number
  updated_at: number
}

export interface OrganizationInvitationTable {
  id: string
  organization_id: string
  email_address: string
  /** Canonical address: at most one pending invitation per organization and address. */
  email_normalized: string
  role: string
  /** `pending | accepted | revoked`; `expired` comes from `expires_at`. */
  status: string
  public_metadata: string
  expires_at: number
  invited_by: string | null
  created_at: number
  updated_at: number
}

/** A user asking to join (after accepting a domain suggestion); admins accept or reject it. */
export interface OrganizationMembershipRequestTable {
  id: string
  organization_id: string
  user_id: string
  /** `pending | accepted | rejected` */
  status: string
  created_at: number
  updated_at: number
}

/** An email domain of an organization, verified through a code sent to an address on it. */
export interface OrganizationDomainTable {
  id: string
  organization_id: string
  /** Lower-case A-label, unique across organizations. */
  name: string
  enrollment_mode: string
  affiliation_email_address: string | null
  affiliation_verification_id: string | null
  created_at: number
  updated_at: number
}
