import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'

/** The current user (fapi.md 2.5). */
export function meRoutes(_deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>()
}
