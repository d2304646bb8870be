import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app'
import { defineConfig } from '../src/config'
import { createDb } from '../src/db/createDb'

describe('health', async () => {
  // no migrate() here on purpose: the app migrates before its first request
  const db = await createDb({ url: 'sqlite::memory:' })
  const app = createApp({ db, config: defineConfig() })
  afterAll(() => db.destroy())

  it('answers ok with the database dialect', async () => {
    const res = await app.request('/v1/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', database: 'sqlite', instance_type: 'development' })
  })
})
