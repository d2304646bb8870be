import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalJWKSet, jwtVerify } from 'jose'
import { afterAll, describe, expect, it } from 'vitest'
import { createDb } from '../src/db/createDb'
import { signUp } from './helpers/flows'
import { createTestClock } from './helpers/testClock'
import { createTestServer, uniqueEmail } from './helpers/testServer'

describe('signing keys', () => {
  const folder = mkdtempSync(join(tmpdir(), 'portico-keys-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('survive a restart on a SQLite file: same kid, old tokens verify, sessions stay signed in', async () => {
    const url = `sqlite:${join(folder, 'keys.db')}`
    const clock = createTestClock()
    const first = await createDb({ url })
    const before = createTestServer(first, {}, clock)
    const browser = before.browser()
    const account = await signUp(before, browser, uniqueEmail())
    const jwt = (await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`)).body.jwt as string
    const jwksBefore = (await browser.get('/.well-known/jwks.json')).body
    await first.destroy()

    const second = await createDb({ url })
    const after = createTestServer(second, {}, clock)
    const revived = after.browser()
    for (const [name, value] of browser.cookies)
      revived.cookies.set(name, value)
    const jwksAfter = (await revived.get('/.well-known/jwks.json')).body
    expect(jwksAfter).toEqual(jwksBefore)
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwksAfter), { currentDate: new Date(clock()) })
    expect(payload.sid).toBe(account.sessionId)
    expect((await revived.get('/v1/client')).body.response.sessions[0].id).toBe(account.sessionId)
    expect((await revived.post(`/v1/client/sessions/${account.sessionId}/tokens`)).status).toBe(200)
    await second.destroy()
  })

  it('publish public RSA keys only', async () => {
    const db = await createDb({ url: 'sqlite::memory:' })
    const server = createTestServer(db)
    const { keys } = (await server.browser().get('/.well-known/jwks.json')).body
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.stringMatching(/^ins_/), e: 'AQAB' })
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
      expect(keys[0]).not.toHaveProperty(secret)
    await db.destroy()
  })
})
