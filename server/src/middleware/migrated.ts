import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../appEnv'
import type { Db } from '../db/createDb'
import { migrate } from '../db/migrate'

/** Whether a database is migrated, and the migration under way; one per database, shared by its apps. */
interface MigrationState {
  done: boolean
  ready?: Promise<void>
}

const states = new WeakMap<Db, MigrationState>()

function stateOf(db: Db): MigrationState {
  let state = states.get(db)
  if (!state)
    states.set(db, state = { done: false })
  return state
}

/** True once `migrated` has brought this database's schema up to date (the token fast path waits for it). */
export function isMigrated(db: Db): boolean {
  return stateOf(db).done
}

/**
 * Makes sure the schema is current before the first request is served: the CLI migrates at start, and
 * an app built in a test or by an embedding program migrates on first use. After that it costs nothing.
 */
export function migrated(db: Db): MiddlewareHandler<AppEnv> {
  const state = stateOf(db)
  // not an async function: once migrated, the request goes straight on without a promise of its own
  return (_c, next) => {
    if (state.done)
      return next()
    state.ready ??= migrate(db).then(() => {
      state.done = true
    }, (error) => {
      state.ready = undefined
      throw error
    })
    return state.ready.then(() => next())
  }
}
