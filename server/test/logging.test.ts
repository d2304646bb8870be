import { expect, it } from 'vitest'
import { describeEachDb } from './helpers/dbSuites'
import { signInWithPassword, signUp } from './helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from './helpers/testServer'

describeEachDb('logging', (ctx) => {
  it('never logs passwords, tokens or cookies, and codes only in the dev inbox line', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const account = await signUp(server, browser, uniqueEmail())
    const jwt = (await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`)).body.jwt
    await browser.delete('/v1/client/sessions')
    await browser.post('/v1/client/sign_ins', { identifier: account.email, password: 'wrong-password-1' })
    await signInWithPassword(browser, account.email)
    await browser.post('/v1/me/change_password', { current_password: 'wrong-password-2', new_password: 'x' })
    const code = await server.latestCode(account.email)
    const text = server.logs.join('\n')
    for (const secret of [GOOD_PASSWORD, 'wrong-password-1', 'wrong-password-2', jwt, browser.cookies.get('__client')!])
      expect(text).not.toContain(secret)
    expect(server.logs.filter(line => line.includes(code)).every(line => line.startsWith('[dev inbox]'))).toBe(true)
  })
})
