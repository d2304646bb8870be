import type { AppEnv } from '../appEnv'
import type { Deps } from '../deps'
import { Hono } from 'hono'

/** `GET /v1/health`: the process is up and its database answers. */
export function healthRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', async (c) => {
    await deps.db.kysely.selectFrom('signing_keys').select('kid').limit(1).execute()
    return c.json({ status: 'ok', database: deps.db.dialect, instance_type: deps.config.instanceType })
  })
}
