import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { actingSession } from '../../http/actingSession'
import { wrapped } from '../../http/respond'
import { assertOrganizationsEnabled } from '../../services/organizationAccess'
import { pageRequest } from '../../services/organizationParams'
import { acceptUserInvitation, userInvitations } from '../../services/userOrganizationInvitations'
import { invitationStatuses } from '../organizations/invitations'

/** `/v1/me/organization_invitations` (fapi.md 2.5): invitations to the user's verified addresses, and accepting one. */
export function meInvitationRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/me/organization_invitations', async (c) => {
      assertOrganizationsEnabled(deps.config)
      const { session } = await actingSession(c, deps)
      const { limit, offset } = pageRequest(c)
      const all = await userInvitations(deps, session.user_id, invitationStatuses(c))
      return wrapped(c, deps, { data: all.slice(offset, offset + limit), total_count: all.length })
    })

    .post('/me/organization_invitations/:id/accept', async (c) => {
      assertOrganizationsEnabled(deps.config)
      const { session } = await actingSession(c, deps)
      return wrapped(c, deps, await acceptUserInvitation(deps, session.user_id, c.req.param('id')))
    })
}
