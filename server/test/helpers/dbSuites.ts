import type { Db } from '../../src/db/createDb'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe } from 'vitest'
import { createDb } from '../../src/db/createDb'
import { migrate } from '../../src/db/migrate'

/** The PostgreSQL URL for the PostgreSQL runs, e.g. `postgres://postgres@127.0.0.1:5432/test`. */
export const PG_URL = process.env.PORTICO_TEST_PG

/** One database a suite runs against, migrated once before its tests. */
export interface SuiteDb {
  dialect: 'sqlite' | 'postgres'
  /** The database (available inside tests and hooks). */
  readonly db: Db
}

let noticePrinted = false

function suiteDb(dialect: 'sqlite' | 'postgres'): SuiteDb {
  let db: Db | undefined
  const schema = `t_${randomBytes(6).toString('hex')}`
  beforeAll(async () => {
    db = dialect === 'sqlite'
      ? await createDb({ url: 'sqlite::memory:' })
      : await createDb({ url: PG_URL!, schema, poolSize: 4 })
    await migrate(db)
  })
  afterAll(async () => {
    if (!db)
      return
    if (dialect === 'postgres')
      await db.kysely.schema.dropSchema(schema).ifExists().cascade().execute()
    await db.destroy()
  })
  return {
    dialect,
    get db() {
      if (!db)
        throw new Error('the suite database is not ready: use it inside tests or hooks')
      return db
    },
  }
}

/**
 * Runs a suite on in-memory SQLite always, and again on PostgreSQL (a fresh schema, dropped afterwards)
 * when `PORTICO_TEST_PG` is set; otherwise prints a one-line notice once per file.
 */
export function describeEachDb(name: string, suite: (ctx: SuiteDb) => void): void {
  describe(`${name} [sqlite]`, () => suite(suiteDb('sqlite')))
  if (PG_URL) {
    describe(`${name} [postgres]`, () => suite(suiteDb('postgres')))
  }
  else if (!noticePrinted) {
    noticePrinted = true
    console.info('[portico-server tests] PostgreSQL runs skipped: set PORTICO_TEST_PG=postgres://... to include them')
  }
}
