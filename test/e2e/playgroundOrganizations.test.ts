import { describe, it } from 'vitest'

// Organizations arrive with issue 7. When they do, this file gets its own dev stack (see
// playgroundSessions.test.ts: Bob signs up in a context of his own, Ada adds him as a member) and
// the /organizations placeholder page becomes the four organization components.
describe('playground: organizations', () => {
  it.todo('creates an organization on /organizations with <CreateOrganization> and makes it active')
  it.todo('switches between personal account and organization with <OrganizationSwitcher>')
  it.todo('invites the second user by email from <OrganizationProfile>; the invitation reaches the dev inbox')
  it.todo('accepts the invitation as the second user, who then sees the organization in <OrganizationList>')
  it.todo('lists both members with their roles in <OrganizationProfile>')
  it.todo('shows the permission-gated section of /protected to an admin and hides it from a plain member')
  it.todo('follows a role change: the gated section appears once the member becomes an admin')
  it.todo('saves light and dark screenshots of /organizations with an active organization')
})
