import type { Db } from '../../src/db/createDb'
import { sql } from 'kysely'

/** Every row of every table of the suite's schema, as sorted JSON lines per table. */
export type DatabaseSnapshot = Record<string, string[]>

/**
 * Reads the whole database (the tables Kysely's introspection lists, migration bookkeeping included), so a
 * test can assert that a batch of refused requests changed nothing at all: `expect(after).toEqual(before)`.
 */
export async function databaseSnapshot(db: Db): Promise<DatabaseSnapshot> {
  const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true })
  const snapshot: DatabaseSnapshot = {}
  for (const table of tables) {
    if (db.dialect === 'postgres' && table.schema !== db.schema)
      continue
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db.kysely)
    snapshot[table.name] = rows.map(row => JSON.stringify(row, (_key, value: unknown) => typeof value === 'bigint' ? String(value) : value)).sort()
  }
  return snapshot
}

/** The table names of the database, with their column names (for "schema unchanged" checks). */
export async function databaseSchema(db: Db): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true })
  return tables
    .filter(table => db.dialect !== 'postgres' || table.schema === db.schema)
    .map(table => `${table.name}(${table.columns.map(column => column.name).sort().join(',')})`)
    .sort()
}
