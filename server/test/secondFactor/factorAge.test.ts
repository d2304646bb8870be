import { expect, it } from 'vitest'
import { sessionSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { enrollTotp } from '../helpers/secondFactorFlows'
import { createTestServer, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope } from '../helpers/wire'

describeEachDb('second factor: factor verification age (fva)', (ctx) => {
  async function claims(browser: ReturnType<ReturnType<typeof createTestServer>['browser']>, sessionId: string) {
    const res = await browser.post(`/v1/client/sessions/${sessionId}/tokens`, { organization_id: '' })
    expect(res.status).toBe(200)
    return JSON.parse(Buffer.from(res.body.jwt.split('.')[1], 'base64url').toString())
  }

  it('is -1 for the second factor until one is set up, then counts from the enrolment in that session', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const account = await signUp(server, browser, uniqueEmail())
    expect((await claims(browser, account.sessionId)).fva).toEqual([0, -1])
    server.clock.advance(5 * 60_000)
    await enrollTotp(server, browser)
    expect((await claims(browser, account.sessionId)).fva).toEqual([5, 0])
    server.clock.advance(2 * 60_000)
    const session = expectEnvelope(await browser.get(`/v1/client/sessions/${account.sessionId}`), sessionSchema).response
    expect(session.factor_verification_age).toEqual([7, 2])
  })

  it('goes back to -1 in every session once the last second factor is removed', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const account = await signUp(server, browser, uniqueEmail())
    await enrollTotp(server, browser)
    await browser.delete('/v1/me/totp')
    expect((await claims(browser, account.sessionId)).fva).toEqual([0, -1])
  })
})
