import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { listOrganizationMemberships } from '../../db/queries/organizationMemberships'
import { findUser } from '../../db/queries/users'
import { missingParam, notFound } from '../../errors/fapiError'
import { wrapped } from '../../http/respond'
import { organizationAccessWith } from '../../services/organizationAccess'
import { changeMemberRole, insertMembership, removeMember } from '../../services/organizationMembers'
import { pageRequest, parseRole, queryList } from '../../services/organizationParams'
import { textField } from '../../utils/formBody'
import { currentOrganization, listBody, memberJSON, membersJSON } from './organizationSupport'

/**
 * `/v1/organizations/:id/memberships` (fapi.md 2.6): list with `query` and `role` filters
 * (`org:sys_memberships:read`); add, change role and remove (`org:sys_memberships:manage`). Members of
 * another organization are not found; the last member able to manage members cannot be demoted or removed.
 */
export function membershipRoutes(deps: Deps): Hono<AppEnv> {
  const { db, config } = deps

  return new Hono<AppEnv>()
    .get('/organizations/:id/memberships', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), 'org:sys_memberships:read')
      const page = await listOrganizationMemberships(db.kysely, access.organization.id, { query: c.req.query('query'), roles: queryList(c, 'role') }, pageRequest(c))
      const organization = await currentOrganization(deps, access.organization.id)
      return wrapped(c, deps, listBody(c, await membersJSON(deps, organization, page.data), page.totalCount, true))
    })

    .post('/organizations/:id/memberships', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), 'org:sys_memberships:manage')
      const form = c.get('form')
      const userId = textField(form, 'user_id')
      if (!userId)
        throw missingParam('user_id')
      const role = parseRole(config, form)
      if (!await findUser(db.kysely, userId))
        throw notFound()
      const row = await db.kysely.transaction().execute(trx => insertMembership(trx, deps, { organizationId: access.organization.id, userId, role }))
      return wrapped(c, deps, await memberJSON(deps, row))
    })

    .patch('/organizations/:id/memberships/:userId', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), 'org:sys_memberships:manage')
      const role = parseRole(config, c.get('form'))
      const row = await changeMemberRole(deps, access.organization.id, c.req.param('userId'), role)
      return wrapped(c, deps, await memberJSON(deps, row))
    })

    .delete('/organizations/:id/memberships/:userId', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), 'org:sys_memberships:manage')
      const row = await removeMember(deps, access.organization.id, c.req.param('userId'))
      return wrapped(c, deps, await memberJSON(deps, row))
    })
}
