/** Strings of `<OrganizationList>`. */
export const organizationList = {
  title: 'Choose an organization',
  subtitle: 'Continue to an organization or your personal account.',
  organizations: 'Your organizations',
  invitations: 'Invitations',
  suggestions: 'Suggested organizations',
  personalAccount: 'Personal account',
  select: 'Continue with {name}',
  accept: 'Join',
  acceptLabel: 'Join {name}',
  requestToJoin: 'Request to join',
  requested: 'Requested',
  create: 'Create organization',
  loadMore: 'Show more',
  empty: 'You are not a member of any organization yet.',
} as const
