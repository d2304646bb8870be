import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { domainRoutes } from './domains'
import { invitationRoutes } from './invitations'
import { logoRoutes } from './logo'
import { membershipRequestRoutes } from './membershipRequests'
import { membershipRoutes } from './memberships'
import { organizationCrudRoutes } from './organizationCrud'
import { roleRoutes } from './roles'

/**
 * Organizations (fapi.md 2.6). Every route resolves the acting session and its membership first:
 * another organization answers 404, a missing permission 403 (AZ-1, AZ-3).
 */
export function organizationRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/', organizationCrudRoutes(deps))
    .route('/', logoRoutes(deps))
    .route('/', membershipRoutes(deps))
    .route('/', invitationRoutes(deps))
    .route('/', membershipRequestRoutes(deps))
    .route('/', roleRoutes(deps))
    .route('/', domainRoutes(deps))
}
