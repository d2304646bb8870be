import type { Database as SqliteConnection, Statement } from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'
import type { Database } from './schema'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'

/** The SQL dialect behind a `Db`. */
export type Dialect = 'sqlite' | 'postgres'

/** An open database: the Kysely instance, its dialect and a way to close it. */
export interface Db {
  kysely: Kysely<Database>
  dialect: Dialect
  /** The PostgreSQL schema every connection uses (`search_path`), when one was asked for. */
  schema?: string
  /** Closes the connection (pool). */
  destroy: () => Promise<void>
}

/** Which database `createDb` opens. */
export interface CreateDbOptions {
  /** `sqlite::memory:`, `sqlite:<file>` or `postgres://...` */
  url: string
  /**
   * PostgreSQL only: a schema to create (if missing) and use for every connection, so that
   * several test files can share one database without colliding.
   * @default undefined (the server's default search_path)
   */
  schema?: string
  /**
   * PostgreSQL pool size.
   * @default 10
   */
  poolSize?: number
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/

const MAX_CACHED_STATEMENTS = 500

/**
 * Kysely's SQLite driver prepares every query anew, and SQLite compiling the statement cost about as much
 * as running it on the hot paths (the token endpoint's one lookup). The server issues a few hundred
 * distinct SQL strings, so compiled statements are kept and reused; one still being iterated (busy)
 * is never shared.
 */
function withStatementCache(database: SqliteConnection): SqliteDatabase {
  const statements = new Map<string, Statement>()
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = statements.get(sql)
      if (cached && !cached.busy)
        return cached
      const statement = database.prepare(sql)
      if (statements.size >= MAX_CACHED_STATEMENTS)
        statements.delete(statements.keys().next().value!)
      statements.set(sql, statement)
      return statement
    },
  }
}

/**
 * Opens the database named by `url`. SQLite runs in WAL mode with foreign keys on and a busy
 * timeout; PostgreSQL gets a small pool. Migrations are not run here (see `migrate`).
 */
export async function createDb({ url, schema, poolSize = 10 }: CreateDbOptions): Promise<Db> {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length)
    const { default: SQLite } = await import('better-sqlite3')
    if (file !== ':memory:') {
      const { mkdirSync } = await import('node:fs')
      const { dirname } = await import('node:path')
      mkdirSync(dirname(file), { recursive: true })
    }
    const database = new SQLite(file)
    database.pragma('journal_mode = WAL')
    database.pragma('foreign_keys = ON')
    database.pragma('busy_timeout = 5000')
    database.pragma('synchronous = NORMAL')
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) })
    return { kysely, dialect: 'sqlite', destroy: () => kysely.destroy() }
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const { default: pg } = await import('pg')
    // bigint (int8) columns hold ms timestamps: read them as numbers, they fit in 2^53
    pg.types.setTypeParser(20, value => Number(value))
    if (schema !== undefined) {
      if (!schemaName.test(schema))
        throw new Error(`[portico-server] Invalid PostgreSQL schema name "${schema}".`)
      const setup = new pg.Client({ connectionString: url })
      await setup.connect()
      try {
        await setup.query(`create schema if not exists "${schema}"`)
      }
      finally {
        await setup.end()
      }
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
    })
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { kysely, dialect: 'postgres', ...(schema !== undefined ? { schema } : {}), destroy: () => kysely.destroy() }
  }
  throw new Error(`[portico-server] Unsupported database URL "${url}". Use sqlite::memory:, sqlite:<file> or postgres://...`)
}
