import type { AppEnv } from '../../appEnv'
import type { OrganizationMembershipRequestRow } from '../../db/organizationRows'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { loadUserGraphs } from '../../db/queries/userGraphs'
import { FapiError, notFound } from '../../errors/fapiError'
import { wrapped } from '../../http/respond'
import { serializeMembershipRequest } from '../../serialize/organizationMembershipRequest'
import { serializePublicUserData } from '../../serialize/user'
import { organizationAccessWith } from '../../services/organizationAccess'
import { insertMembership } from '../../services/organizationMembers'
import { pageRequest, queryList } from '../../services/organizationParams'

const STATUSES = new Set(['pending', 'accepted', 'rejected'])

/**
 * `/v1/organizations/:id/membership_requests` (fapi.md 2.6): requests to join (made by accepting a domain
 * suggestion), listed by status, accepted (the user becomes a member with the domains' default role) or
 * rejected; all need `org:sys_memberships:manage`.
 */
export function membershipRequestRoutes(deps: Deps): Hono<AppEnv> {
  const { db, config, clock } = deps
  const MANAGE = 'org:sys_memberships:manage'

  async function requestsJSON(rows: OrganizationMembershipRequestRow[]) {
    const users = await loadUserGraphs(db.kysely, rows.map(row => row.user_id), clock())
    return rows.flatMap((row) => {
      const user = users.get(row.user_id)
      return user ? [serializeMembershipRequest(row, serializePublicUserData(user, config))] : []
    })
  }

  async function decide(organizationId: string, requestId: string, decision: 'accepted' | 'rejected'): Promise<OrganizationMembershipRequestRow> {
    return db.kysely.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('organization_membership_requests').selectAll().where('id', '=', requestId).where('organization_id', '=', organizationId).executeTakeFirst()
      if (!row)
        throw notFound()
      if (row.status !== 'pending')
        throw new FapiError('client_state_invalid', { longMessage: 'This membership request is no longer pending.' })
      if (decision === 'accepted')
        await insertMembership(trx, deps, { organizationId, userId: row.user_id, role: config.organizations.domains.defaultRole })
      const now = clock()
      const updated = await trx.updateTable('organization_membership_requests').set({ status: decision, updated_at: now }).where('id', '=', row.id).where('status', '=', 'pending').executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1)
        throw new FapiError('client_state_invalid', { longMessage: 'This membership request is no longer pending.' })
      return { ...row, status: decision, updated_at: now }
    })
  }

  return new Hono<AppEnv>()
    .get('/organizations/:id/membership_requests', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), MANAGE)
      const statuses = queryList(c, 'status')
      if (statuses.some(status => !STATUSES.has(status)))
        throw new FapiError('form_param_value_invalid', { meta: { param_name: 'status' } })
      const { limit, offset } = pageRequest(c)
      let query = db.kysely.selectFrom('organization_membership_requests').where('organization_id', '=', access.organization.id)
      if (statuses.length > 0)
        query = query.where('status', 'in', statuses)
      const total = await query.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirst()
      const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute()
      return wrapped(c, deps, { data: await requestsJSON(rows), total_count: Number(total?.n ?? 0) })
    })

    .post('/organizations/:id/membership_requests/:requestId/accept', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), MANAGE)
      const row = await decide(access.organization.id, c.req.param('requestId'), 'accepted')
      return wrapped(c, deps, (await requestsJSON([row]))[0])
    })

    .post('/organizations/:id/membership_requests/:requestId/reject', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), MANAGE)
      const row = await decide(access.organization.id, c.req.param('requestId'), 'rejected')
      return wrapped(c, deps, (await requestsJSON([row]))[0])
    })
}
