import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { activeSessionRoutes } from './activeSessions'
import { emailAddressRoutes } from './emailAddresses'
import { passwordRoutes } from './password'
import { profileRoutes } from './profile'
import { profileImageRoutes } from './profileImage'

/** The current user (fapi.md 2.5): every route acts for the session `_clerk_session_id` names. */
export function meRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/', profileRoutes(deps))
    .route('/', profileImageRoutes(deps))
    .route('/', passwordRoutes(deps))
    .route('/', emailAddressRoutes(deps))
    .route('/', activeSessionRoutes(deps))
}
