import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { wrapped } from '../../http/respond'
import { serializeRole } from '../../serialize/organizationRole'
import { organizationAccessWith } from '../../services/organizationAccess'
import { pageRequest } from '../../services/organizationParams'
import { organizationRoles } from '../../services/organizationRoles'

/** `GET /v1/organizations/:id/roles` (fapi.md 2.6): the instance's roles with their permissions (`org:sys_memberships:read`). */
export function roleRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/organizations/:id/roles', async (c) => {
      await organizationAccessWith(c, deps, c.req.param('id'), 'org:sys_memberships:read')
      const { limit, offset } = pageRequest(c)
      const roles = organizationRoles(deps.config)
      const data = roles.roles.slice(offset, offset + limit).map(role => serializeRole(role, roles))
      return wrapped(c, deps, { data, total_count: roles.roles.length, has_role_set_migration: false })
    })
}
