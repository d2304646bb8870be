import type { PorticoConfig } from './config'
import type { Db } from './db/createDb'
import { Hono } from 'hono'

export interface CreateAppOptions {
  db: Db
  config: PorticoConfig
}

/** Builds the Frontend API as a Hono app: `app.fetch` serves it, `app.request()` tests it. */
export function createApp({ db, config }: CreateAppOptions): Hono {
  const app = new Hono()
  app.get('/v1/health', c => c.json({ status: 'ok', database: db.dialect, instance_type: config.instanceType }))
  return app
}
