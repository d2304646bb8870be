import type { Expression, RawBuilder, SqlBool } from 'kysely'
import { sql } from 'kysely'

/**
 * `lower(column) LIKE '%term%'` with the term's own `%`, `_` and `!` escaped, so a search matches the
 * text literally on SQLite and PostgreSQL alike (the term is a bound parameter, never SQL).
 */
export function likeContains(column: Expression<string | null>, term: string): RawBuilder<SqlBool> {
  const pattern = `%${term.toLowerCase().replace(/[!%_]/g, char => `!${char}`)}%`
  return sql<SqlBool>`lower(${column}) like ${pattern} escape '!'`
}
