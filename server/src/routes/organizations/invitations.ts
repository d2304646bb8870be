import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { InvitationStatusFilter } from '../../db/queries/organizationInvitations'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { listInvitations } from '../../db/queries/organizationInvitations'
import { FapiError, notFound } from '../../errors/fapiError'
import { wrapped } from '../../http/respond'
import { invitationStatus, serializeInvitation } from '../../serialize/organizationInvitation'
import { invitationRedirectUrl } from '../../services/invitationRedirectUrl'
import { organizationAccessWith } from '../../services/organizationAccess'
import { createInvitations } from '../../services/organizationInvitations'
import { pageRequest, parseRole, queryList } from '../../services/organizationParams'

const STATUSES = new Set<string>(['pending', 'accepted', 'revoked', 'expired'])

/** `status` filters of a list: known states only (`422 form_param_value_invalid` otherwise). */
export function invitationStatuses(c: Context<AppEnv>): InvitationStatusFilter[] {
  const statuses = queryList(c, 'status')
  if (statuses.some(status => !STATUSES.has(status)))
    throw new FapiError('form_param_value_invalid', { meta: { param_name: 'status' } })
  return statuses as InvitationStatusFilter[]
}

/**
 * `/v1/organizations/:id/invitations` (fapi.md 2.6): list by status, invite one address, invite many
 * (`/bulk`), revoke; all need `org:sys_memberships:manage`. Each invitation emails a ticket link, to
 * `redirect_url` when given (an allowed origin's page).
 */
export function invitationRoutes(deps: Deps): Hono<AppEnv> {
  const { db, config, clock } = deps
  const MANAGE = 'org:sys_memberships:manage'

  function addresses(form: Record<string, string | string[]>): string[] {
    const value = Object.hasOwn(form, 'email_address') ? form.email_address : undefined
    return value === undefined ? [] : Array.isArray(value) ? value : [value]
  }

  return new Hono<AppEnv>()
    .get('/organizations/:id/invitations', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), MANAGE)
      const now = clock()
      const page = await listInvitations(db.kysely, access.organization.id, invitationStatuses(c), pageRequest(c), now)
      return wrapped(c, deps, { data: page.data.map(row => serializeInvitation(row, config, now)), total_count: page.totalCount })
    })

    .post('/organizations/:id/invitations', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), MANAGE)
      const form = c.get('form')
      const emails = addresses(form)
      if (emails.length > 1)
        throw new FapiError('form_param_duplicate', { meta: { param_name: 'email_address' } })
      const role = parseRole(config, form)
      const [row] = await createInvitations(deps, access.organization.id, access.session.user_id, emails, role, { redirectUrl: invitationRedirectUrl(deps, form) })
      return wrapped(c, deps, serializeInvitation(row!, config, clock()))
    })

    // `bulk` is matched as a parameter: Hono's RegExpRouter refuses a static `/invitations/bulk` next to
    // `/invitations/:invitationId/revoke` and would leave the whole app on the slower trie router
    .post('/organizations/:id/invitations/:bulk', async (c) => {
      if (c.req.param('bulk') !== 'bulk')
        return c.notFound()
      const access = await organizationAccessWith(c, deps, c.req.param('id'), MANAGE)
      const form = c.get('form')
      const role = parseRole(config, form)
      const rows = await createInvitations(deps, access.organization.id, access.session.user_id, addresses(form), role, { redirectUrl: invitationRedirectUrl(deps, form) })
      const now = clock()
      return wrapped(c, deps, rows.map(row => serializeInvitation(row, config, now)))
    })

    .post('/organizations/:id/invitations/:invitationId/revoke', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), MANAGE)
      const now = clock()
      const row = await db.kysely.selectFrom('organization_invitations').selectAll().where('id', '=', c.req.param('invitationId')).where('organization_id', '=', access.organization.id).executeTakeFirst()
      if (!row)
        throw notFound()
      if (invitationStatus(row, now) !== 'pending')
        throw new FapiError('organization_invitation_not_pending')
      const updated = await db.kysely.updateTable('organization_invitations').set({ status: 'revoked', updated_at: now }).where('id', '=', row.id).where('status', '=', 'pending').executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1)
        throw new FapiError('organization_invitation_not_pending')
      return wrapped(c, deps, serializeInvitation({ ...row, status: 'revoked', updated_at: now }, config, now))
    })
}
