/** End-user messages of the organization error codes (fapi.md 3.3), merged into `errors`. */
export const organizationErrors = {
  form_identifier_exists__slug: 'That slug is taken. Please try another.',
  organization_quota_exceeded: 'You have reached the number of organizations you can create.',
  user_create_organization_not_enabled: 'Creating organizations is not enabled.',
  organization_membership_quota_exceeded: 'The organization has reached its member limit.',
  organization_minimum_permissions_needed: 'An organization needs at least one admin.',
  already_a_member_in_organization: 'This person is already a member.',
  organization_invitation_not_unique: 'This address has already been invited.',
  organization_invitation_not_pending: 'This invitation is no longer pending.',
  organization_admin_delete_not_enabled: 'Deleting organizations is not enabled.',
  organization_domain_already_exists: 'This domain is already in use.',
  organization_domain_common: 'A public email domain cannot be an organization domain.',
  organization_domain_mismatch: 'The address must be on this domain.',
  organization_domain_blocked: 'This domain cannot be added.',
  not_a_member_in_organization: 'You are not a member of this organization.',
} as const
