import type { Db } from './createDb'
import { Migrator } from 'kysely'
import { migrations } from './migrations/index'

/** Brings the database schema up to date; run once at start (idempotent, safe to repeat). */
export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find(result => result.status === 'Error')
  if (error || failed)
    throw new Error(`[portico-server] Migration ${failed?.migrationName ?? ''} failed`, { cause: error })
}
