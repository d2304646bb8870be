import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb } from './helpers/dbSuites'
import { startFakeSmtpServer } from './helpers/fakeSmtpServer'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from './helpers/testServer'

describeEachDb('mail over SMTP', (ctx) => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtpServer>>
  beforeAll(async () => {
    smtp = await startFakeSmtpServer()
  })
  afterAll(() => smtp.close())

  it('sends codes through nodemailer when smtpUrl is set, and keeps nothing in the dev inbox', async () => {
    const server = createTestServer(ctx.db, { smtpUrl: smtp.url, mailFrom: 'Acme <auth@acme.test>' })
    const browser = server.browser()
    const email = uniqueEmail('smtp')
    const id = (await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })).body.response.id
    expect((await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })).status).toBe(200)
    const mail = smtp.messages.find(message => message.to.some(to => to.includes(email)))
    expect(mail?.from).toContain('auth@acme.test')
    const code = /Use the code (\d{6})/.exec(mail!.data)?.[1]
    expect(code).toMatch(/^\d{6}$/)
    expect(await ctx.db.kysely.selectFrom('dev_inbox').select('id').where('to_address', '=', email).execute()).toEqual([])
    expect((await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: code! })).body.response.status).toBe('complete')
  })
})
