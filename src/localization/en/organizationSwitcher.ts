/** Strings of `<OrganizationSwitcher>`. */
export const organizationSwitcher = {
  trigger: 'Switch organization, current: {name}',
  menu: 'Organizations',
  personalAccount: 'Personal account',
  manage: 'Manage organization',
  create: 'Create organization',
  switchTo: 'Switch to {name}',
  invitationsTitle: 'Invitations',
  suggestionsTitle: 'Suggested organizations',
  join: 'Join {name}',
  requestToJoin: 'Request to join {name}',
  requested: 'Requested',
  loadMore: 'Show more organizations',
} as const
