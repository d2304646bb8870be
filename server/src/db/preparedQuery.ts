import type { Compilable, CompiledQuery, DialectAdapter, Kysely } from 'kysely'
import type { Database } from './schema'

/** A value a prepared query takes at run time. */
export type PreparedValue = string | number | null

/** An argument of a prepared query: one value, or a list (for `in`) that must not be empty. */
export type PreparedArg = PreparedValue | readonly PreparedValue[]

interface Compiled<Row> {
  query: CompiledQuery<Row>
  /** For each compiled parameter taken from the arguments: [parameter index, argument index, list index or -1]. */
  slots: [number, number, number][]
}

const marker = (arg: number, item = -1) => `\u0000prepared-${arg}-${item}\u0000`

// distinct list lengths kept per query; beyond that a query compiles each time
const MAX_SHAPES = 32

/**
 * A query that Kysely builds and compiles once per dialect (and per list length) instead of on every
 * call (lists up to 32 distinct lengths), then runs with new values. Building and compiling the query tree cost more than SQLite running
 * a primary-key lookup, and far more in code that runs too rarely for V8 to optimise (sign-in, the
 * client JSON of every answer). `build` receives stand-ins for the run-time values and must bind each
 * one (each list item) exactly once, as a parameter; the compiled SQL is cached per dialect adapter
 * (transactions share it) unless plugins rewrite queries, in which case it compiles every time.
 *
 * @example
 * const findSessions = preparedQuery((db, ids: readonly string[]) => db.selectFrom('sessions').selectAll().where('id', 'in', ids))
 * const sessions = await findSessions(db.kysely, ['sess_1', 'sess_2'])
 */
export function preparedQuery<Args extends PreparedArg[], Row>(build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>): (db: Kysely<Database>, ...args: Args) => Promise<Row[]> {
  const cache = new WeakMap<DialectAdapter, Map<string, Compiled<Row>>>()

  function compile(db: Kysely<Database>, args: Args): Compiled<Row> {
    const standIns = args.map((arg, i) => Array.isArray(arg) ? arg.map((_, j) => marker(i, j)) : marker(i)) as Args
    const query = build(db, ...standIns).compile()
    const slots: [number, number, number][] = []
    args.forEach((arg, i) => {
      for (const j of Array.isArray(arg) ? arg.keys() : [-1]) {
        const at = query.parameters.indexOf(marker(i, j))
        if (at === -1 || query.parameters.lastIndexOf(marker(i, j)) !== at)
          throw new Error(`[portico-server] a prepared query must bind value ${i}${j === -1 ? '' : `[${j}]`} exactly once`)
        slots.push([at, i, j])
      }
    })
    return { query, slots }
  }

  return async (db, ...args) => {
    const executor = db.getExecutor()
    let compiled: Compiled<Row> | undefined
    if (executor.plugins.length > 0) {
      compiled = compile(db, args)
    }
    else {
      const shape = args.map(arg => Array.isArray(arg) ? arg.length : '').join(',')
      let byShape = cache.get(executor.adapter)
      if (!byShape)
        cache.set(executor.adapter, byShape = new Map())
      compiled = byShape.get(shape)
      if (!compiled) {
        compiled = compile(db, args)
        if (byShape.size < MAX_SHAPES)
          byShape.set(shape, compiled)
      }
    }
    const parameters = [...compiled.query.parameters]
    for (const [at, i, j] of compiled.slots)
      parameters[at] = j === -1 ? args[i] : (args[i] as readonly PreparedValue[])[j]
    return (await db.executeQuery<Row>({ ...compiled.query, parameters })).rows
  }
}
