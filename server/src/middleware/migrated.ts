import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../appEnv'
import type { Db } from '../db/createDb'
import { migrate } from '../db/migrate'

/**
 * Makes sure the schema is current before the first request is served: the CLI migrates at start, and
 * an app built in a test or by an embedding program migrates on first use. After that it costs nothing.
 */
export function migrated(db: Db): MiddlewareHandler<AppEnv> {
  let ready: Promise<void> | undefined
  let done = false
  // not an async function: once migrated, the request goes straight on without a promise of its own
  return (_c, next) => {
    if (done)
      return next()
    ready ??= migrate(db).then(() => {
      done = true
    }, (error) => {
      ready = undefined
      throw error
    })
    return ready.then(() => next())
  }
}
