import type { AppEnv } from '../appEnv'
import type { Deps } from '../deps'
import { Hono } from 'hono'
import { FapiError } from '../errors/fapiError'
import { createDevBrowser } from '../http/clients'

/**
 * `POST /v1/dev_browser` (development only): a new dev-browser token, bare `{id: "dvb_…"}`, also in the
 * `Clerk-Db-Jwt` header clerk-js reads. Production instances identify browsers by cookie only.
 */
export function devBrowserRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/dev_browser', async (c) => {
    if (deps.config.instanceType !== 'development')
      throw new FapiError('resource_not_found', { longMessage: 'Dev browsers exist on development instances only.' })
    const token = await createDevBrowser(deps)
    c.header('Clerk-Db-Jwt', token)
    return c.json({ object: 'dev_browser', id: token })
  })
}
