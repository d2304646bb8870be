import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { signedOutAccount } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectError } from '../helpers/wire'
import { databaseSnapshot } from './databaseSnapshot'

/** Spellings of `/v1/client/sign_ins` an attacker may try to reach a fresh limiter bucket or skip a check. */
const VARIANTS = [
  '/v1/client/sign_ins',
  '//v1/client/sign_ins',
  '/v1//client/sign_ins',
  '/v1/client/sign_ins/',
  '/V1/CLIENT/SIGN_INS',
  '/v1/client/sign_ins;x=1',
  '/v1/%2Fclient/sign_ins',
  '/v1/client%2Fsign_ins',
  '/v1/./client/sign_ins',
  '/v1/x/../client/sign_ins',
  '/v1/client/sign_ins%20',
  '/v1/client/sign_ins.json',
]

describeEachDb('security: path variants of limited routes (security.md #11)', (ctx) => {
  it('counts wrong passwords sent through any spelling of the route against the one account lock', async () => {
    const server = createTestServer(ctx.db)
    const account = await signedOutAccount(server, uniqueEmail('paths'))
    const statuses: string[] = []
    let wrong = 0
    for (const path of VARIANTS) {
      const res = await server.browser().send('POST', path, { identifier: account.email, password: `wrong-password-${wrong}` })
      statuses.push(`${path} ${res.status} ${res.body?.errors?.[0]?.code}`)
      if (res.status === 422)
        wrong += 1
    }
    // either the route (a counted failure) or not found, never anything else
    expect(statuses.filter(line => !/ (?:422 form_password_incorrect|404 resource_not_found|403 user_locked)$/.test(line))).toEqual([])
    // the lock comes after 10 failures however they were spelled
    for (let i = wrong; i < 10; i++)
      await server.browser().post('/v1/client/sign_ins', { identifier: account.email, password: `wrong-password-${i}` })
    for (const path of VARIANTS) {
      const res = await server.browser().send('POST', path, { identifier: account.email, password: GOOD_PASSWORD })
      expect([403, 404], path).toContain(res.status)
      if (res.status === 403)
        expectError(res, 403, 'user_locked')
    }
  })

  it('checks the origin on every spelling before anything happens (#16)', async () => {
    const server = createTestServer(ctx.db)
    const before = await databaseSnapshot(ctx.db)
    for (const path of VARIANTS) {
      const res = await server.browser({ origin: 'https://evil.test' }).send('POST', path.replace('sign_ins', 'sign_ups'), { email_address: uniqueEmail('cross') })
      expectError(res, 400, 'origin_invalid')
    }
    expect(await databaseSnapshot(ctx.db)).toEqual(before)
  })
})
