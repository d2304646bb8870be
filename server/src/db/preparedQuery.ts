import type { Compilable, CompiledQuery, DialectAdapter, Kysely } from 'kysely'
import type { Database } from './schema'

/** A value a prepared query takes at run time. */
export type PreparedValue = string | number | null

const marker = (index: number) => `\u0000prepared-${index}\u0000`

/**
 * A query that Kysely builds and compiles once per dialect instead of on every call, then runs with new
 * values. Building and compiling the query tree cost more than SQLite running a primary-key lookup on
 * the hottest paths (the token endpoint, sign-in). `build` receives stand-ins for the run-time values
 * and must use each one exactly once, as a bound parameter; the compiled SQL is cached per dialect
 * adapter (transactions share it) unless plugins rewrite queries, in which case it compiles every time.
 *
 * @example
 * const findSession = preparedQuery((db, id: string) => db.selectFrom('sessions').selectAll().where('id', '=', id))
 * const [session] = await findSession(db.kysely, 'sess_123')
 */
export function preparedQuery<Args extends PreparedValue[], Row>(build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>): (db: Kysely<Database>, ...args: Args) => Promise<Row[]> {
  const compiled = new WeakMap<DialectAdapter, { query: CompiledQuery<Row>, slots: number[] }>()

  function compile(db: Kysely<Database>, arity: number) {
    const query = build(db, ...Array.from({ length: arity }, (_, i) => marker(i)) as Args).compile()
    // where each run-time value goes among the compiled parameters
    const slots = Array.from({ length: arity }, (_, i) => {
      const at = query.parameters.indexOf(marker(i))
      if (at === -1 || query.parameters.lastIndexOf(marker(i)) !== at)
        throw new Error(`[portico-server] a prepared query must bind value ${i} exactly once`)
      return at
    })
    return { query, slots }
  }

  return async (db, ...args) => {
    const executor = db.getExecutor()
    const reusable = executor.plugins.length === 0
    let entry = reusable ? compiled.get(executor.adapter) : undefined
    if (!entry) {
      entry = compile(db, args.length)
      if (reusable)
        compiled.set(executor.adapter, entry)
    }
    const parameters = [...entry.query.parameters]
    for (let i = 0; i < args.length; i++)
      parameters[entry.slots[i]!] = args[i]
    return (await db.executeQuery<Row>({ ...entry.query, parameters })).rows
  }
}
