import type { AppEnv } from '../appEnv'
import type { Deps } from '../deps'
import { Hono } from 'hono'
import { serializeEnvironment } from '../serialize/environment'

/** `GET|PATCH /v1/environment`: the bare environment; development instances PATCH it on load. */
export function environmentRoutes(deps: Deps): Hono<AppEnv> {
  // the configuration is fixed for the life of the app, so is its environment
  const environment = serializeEnvironment(deps.config)
  return new Hono<AppEnv>()
    .get('/environment', c => c.json(environment))
    .patch('/environment', c => c.json(environment))
}
