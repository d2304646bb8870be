import type { KyselyPlugin } from 'kysely'
import { expect, it } from 'vitest'
import { preparedInsert } from '../src/db/preparedInsert'
import { preparedQuery } from '../src/db/preparedQuery'
import { newId } from '../src/utils/newId'
import { describeEachDb } from './helpers/dbSuites'

describeEachDb('prepared queries', (ctx) => {
  async function insertClients(count: number, createdAt: number) {
    const ids = Array.from({ length: count }, () => newId('client'))
    await ctx.db.kysely.insertInto('clients').values(ids.map(id => ({
      id,
      secret_hash: `hash-${id}`,
      last_active_session_id: null,
      sign_in_id: null,
      sign_up_id: null,
      last_authentication_strategy: null,
      cookie_expires_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    }))).execute()
    return ids
  }

  const byIdAndAge = preparedQuery((db, id: string, createdAt: number) => db.selectFrom('clients')
    .select(['id', 'secret_hash'])
    .where('id', '=', id)
    .where('created_at', '=', createdAt)
    // a constant stays a constant
    .where('sign_in_id', 'is', null))

  it('runs the same compiled query with new values each time', async () => {
    const [first, second] = await insertClients(2, 1000)
    expect(await byIdAndAge(ctx.db.kysely, first!, 1000)).toEqual([{ id: first, secret_hash: `hash-${first}` }])
    expect(await byIdAndAge(ctx.db.kysely, second!, 1000)).toEqual([{ id: second, secret_hash: `hash-${second}` }])
    expect(await byIdAndAge(ctx.db.kysely, second!, 999)).toEqual([])
  })

  it('runs inside a transaction and sees its writes', async () => {
    const id = newId('client')
    const rows = await ctx.db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('clients').values({ id, secret_hash: 'h', last_active_session_id: null, sign_in_id: null, sign_up_id: null, last_authentication_strategy: null, cookie_expires_at: null, created_at: 2000, updated_at: 2000 }).execute()
      return byIdAndAge(trx, id, 2000)
    })
    expect(rows).toEqual([{ id, secret_hash: 'h' }])
  })

  it('compiles again through plugins, which may rewrite the query', async () => {
    const [id] = await insertClients(1, 3000)
    let seen = 0
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        seen++
        return args.node
      },
      transformResult: async args => args.result,
    }
    const withPlugin = ctx.db.kysely.withPlugin(counting)
    expect(await byIdAndAge(withPlugin, id!, 3000)).toHaveLength(1)
    expect(await byIdAndAge(withPlugin, id!, 3000)).toHaveLength(1)
    expect(seen).toBe(2)
  })

  it('takes lists for `in`, compiled once per length', async () => {
    const ids = await insertClients(3, 4000)
    const byIds = preparedQuery((db, list: readonly string[], createdAt: number) => db.selectFrom('clients').select('id').where('id', 'in', list).where('created_at', '=', createdAt).orderBy('id'))
    const sorted = [...ids].sort()
    expect(await byIds(ctx.db.kysely, [ids[0]!], 4000)).toEqual([{ id: ids[0] }])
    expect(await byIds(ctx.db.kysely, [ids[1]!], 4000)).toEqual([{ id: ids[1] }])
    expect(await byIds(ctx.db.kysely, ids, 4000)).toEqual(sorted.map(id => ({ id })))
    expect(await byIds(ctx.db.kysely, [ids[2]!, 'missing'], 4000)).toEqual([{ id: ids[2] }])
    expect(await byIds(ctx.db.kysely, ids, 4001)).toEqual([])
  })

  it('refuses a query that does not bind each value exactly once', async () => {
    const unused = preparedQuery((db, _id: string) => db.selectFrom('clients').select('id'))
    await expect(unused(ctx.db.kysely, 'x')).rejects.toThrow(/exactly once/)
    const twice = preparedQuery((db, id: string) => db.selectFrom('clients').select('id').where('id', '=', id).where('secret_hash', '=', id))
    await expect(twice(ctx.db.kysely, 'x')).rejects.toThrow(/exactly once/)
    const itemUnused = preparedQuery((db, ids: readonly string[]) => db.selectFrom('clients').select('id').where('id', 'in', ids.slice(1)))
    await expect(itemUnused(ctx.db.kysely, ['a', 'b'])).rejects.toThrow(/value 0\[0\] exactly once/)
  })

  it('inserts rows with a fixed column list, each with its own values, in or out of a transaction', async () => {
    const insert = preparedInsert('clients', ['id', 'secret_hash', 'last_active_session_id', 'sign_in_id', 'sign_up_id', 'last_authentication_strategy', 'cookie_expires_at', 'created_at', 'updated_at'])
    const row = (id: string, at: number) => ({ id, secret_hash: `hash-${id}`, last_active_session_id: null, sign_in_id: null, sign_up_id: null, last_authentication_strategy: at > 5000 ? 'password' : null, cookie_expires_at: at + 1, created_at: at, updated_at: at })
    const [first, second] = [newId('client'), newId('client')]
    await insert(ctx.db.kysely, row(first, 5000))
    await ctx.db.kysely.transaction().execute(trx => insert(trx, row(second, 5001)))
    const stored = await ctx.db.kysely.selectFrom('clients').selectAll().where('id', 'in', [first, second]).orderBy('created_at').execute()
    expect(stored).toEqual([row(first, 5000), row(second, 5001)])
  })
})
