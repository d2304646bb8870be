import type { Kysely } from 'kysely'
import type { PreparedValue } from './preparedQuery'
import type { Database } from './schema'
import { preparedQuery } from './preparedQuery'

/**
 * An INSERT of one row with a fixed set of columns into `table`, compiled once per dialect (see
 * `preparedQuery`): the hot writes of a sign-in (client, sign-in, session) skip building and compiling
 * Kysely's query tree each time. Every column listed is written, a missing value as null.
 *
 * @example
 * const insertClient = preparedInsert('clients', ['id', 'secret_hash', 'created_at', 'updated_at'])
 * await insertClient(db.kysely, { id, secret_hash, created_at: now, updated_at: now })
 */
export function preparedInsert<Table extends keyof Database & string, Column extends keyof Database[Table] & string>(table: Table, columns: readonly Column[]): (db: Kysely<Database>, row: { [Key in Column]: Database[Table][Key] & PreparedValue }) => Promise<void> {
  const insert = preparedQuery((db, ...values: PreparedValue[]) => db.insertInto(table).values(Object.fromEntries(columns.map((column, i) => [column, values[i]])) as never))
  return async (db, row) => {
    await insert(db, ...columns.map(column => row[column] ?? null))
  }
}
