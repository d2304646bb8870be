/** Strings of `<CreateOrganization>`. */
export const createOrganization = {
  title: 'Create organization',
  subtitle: 'Invite your team and work together.',
  name: 'Name',
  slug: 'Slug',
  slugHint: 'Used in URLs: letters, digits and hyphens',
  submit: 'Create organization',
  created: '{name} was created.',
} as const
