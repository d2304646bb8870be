import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { meInvitationRoutes } from './invitations'
import { meMembershipRoutes } from './memberships'
import { meSuggestionRoutes } from './suggestions'

/** The current user's side of organizations (fapi.md 2.5): memberships, invitations, suggestions. */
export function meOrganizationRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/', meMembershipRoutes(deps))
    .route('/', meInvitationRoutes(deps))
    .route('/', meSuggestionRoutes(deps))
}
