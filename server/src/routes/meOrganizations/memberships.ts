import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { loadUserGraph } from '../../db/queries/userGraphs'
import { FapiError } from '../../errors/fapiError'
import { actingSession } from '../../http/actingSession'
import { wrapped } from '../../http/respond'
import { serializeMembership } from '../../serialize/organizationMembership'
import { serializePublicUserData } from '../../serialize/user'
import { assertOrganizationsEnabled } from '../../services/organizationAccess'
import { removeMember } from '../../services/organizationMembers'
import { pageRequest } from '../../services/organizationParams'
import { listBody } from '../organizations/organizationSupport'

/**
 * `/v1/me/organization_memberships` (fapi.md 2.5): the user's memberships (paginated with
 * `paginated=true`, else a bare array) and leaving an organization (the last member able to manage
 * members cannot leave).
 */
export function meMembershipRoutes(deps: Deps): Hono<AppEnv> {
  const { db, config } = deps

  return new Hono<AppEnv>()
    .get('/me/organization_memberships', async (c) => {
      assertOrganizationsEnabled(config)
      const { session } = await actingSession(c, deps)
      const { limit, offset } = pageRequest(c)
      const graph = await loadUserGraph(db.kysely, session.user_id)
      if (!graph)
        throw new FapiError('authentication_invalid')
      const memberships = graph.memberships ?? []
      const self = serializePublicUserData(graph, config)
      const data = memberships.slice(offset, offset + limit).map(membership => serializeMembership(membership, config, self))
      return wrapped(c, deps, listBody(c, data, memberships.length, true))
    })

    .delete('/me/organization_memberships/:organizationId', async (c) => {
      assertOrganizationsEnabled(config)
      const { session } = await actingSession(c, deps)
      const row = await removeMember(deps, c.req.param('organizationId'), session.user_id)
      return wrapped(c, deps, { object: 'organization_membership', id: row.id, deleted: true })
    })
}
