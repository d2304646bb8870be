import { expect, it } from 'vitest'
import { describeEachDb } from './helpers/dbSuites'
import { createTestServer, uniqueEmail } from './helpers/testServer'

describeEachDb('dev inbox', (ctx) => {
  it('lists sent codes as JSON, oldest first', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const email = uniqueEmail()
    const id = (await browser.post('/v1/client/sign_ups', { email_address: email })).body.response.id
    await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
    const res = await browser.get('/dev/inbox.json')
    expect(res.status).toBe(200)
    const mine = res.body.messages.filter((message: { to: string }) => message.to === email)
    expect(mine).toEqual([{ id: expect.stringMatching(/^msg_/), channel: 'email', to: email, subject: expect.stringContaining('Portico'), body: expect.stringContaining(mine[0].code), code: expect.stringMatching(/^\d{6}$/), created_at: server.clock() }])
  })

  it('renders an HTML page with every value escaped and a strict CSP', async () => {
    const server = createTestServer(ctx.db, { applicationName: '<img src=x onerror=alert(1)>' })
    const browser = server.browser()
    const email = uniqueEmail()
    const id = (await browser.post('/v1/client/sign_ups', { email_address: email })).body.response.id
    await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
    const res = await server.app.request('/dev/inbox')
    const page = await res.text()
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('content-security-policy')).toContain('default-src \'none\'')
    expect(page).toContain(email)
    expect(page).not.toContain('<img src=x')
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('prints one console line per message with the code, and nothing else logs it', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const email = uniqueEmail()
    const id = (await browser.post('/v1/client/sign_ups', { email_address: email })).body.response.id
    await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
    const code = await server.latestCode(email)
    const lines = server.logs.filter(line => line.includes(code))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^\[dev inbox\] email to/)
  })

  it('is not served when mail goes out over SMTP', async () => {
    const server = createTestServer(ctx.db, { smtpUrl: 'smtp://127.0.0.1:1' })
    expect((await server.browser().get('/dev/inbox.json')).status).toBe(404)
  })
})
