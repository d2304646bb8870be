import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { addVerifiedPhone, enrollTotp, nextStep, totpCode, uniquePhone } from '../helpers/secondFactorFlows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { createOrganization, latestMail } from '../organizations/orgFixtures'

describeEachDb('security: no secrets in logs (security.md #54)', (ctx) => {
  it('logs no password, cookie, token, TOTP secret, backup code or ticket; codes only on the dev inbox line; no raw CR/LF', async () => {
    const server = createTestServer(ctx.db, { phoneNumbers: { enabled: true } })
    const secrets: string[] = [GOOD_PASSWORD]
    const codes: string[] = []

    const owner = server.browser()
    const account = await signUp(server, owner, uniqueEmail('logged'))
    codes.push(await server.latestCode(account.email))
    const totp = await enrollTotp(server, owner)
    secrets.push(totp.secret, totp.uri, ...totp.backupCodes)
    const phone = uniquePhone()
    await addVerifiedPhone(server, owner, phone)
    codes.push(await server.latestCode(phone))
    secrets.push(owner.cookies.get('__client')!)
    secrets.push((await owner.post(`/v1/client/sessions/${account.sessionId}/tokens`)).body.jwt)
    const org = await createOrganization({ browser: owner, ...account })
    const invited = uniqueEmail('invited')
    await owner.post(`/v1/organizations/${org.id}/invitations`, { email_address: invited, role: 'org:member' })
    secrets.push(/__clerk_ticket=([\w.-]+)/.exec((await latestMail(server, invited)).body)![1]!)
    await owner.delete('/v1/client/sessions')

    // wrong passwords, a replayed TOTP code (logged as a warning), a backup code, a password reset
    const attacker = server.browser()
    for (const wrong of ['wrong-password-alpha-1', 'wrong-password-bravo-2']) {
      secrets.push(wrong)
      await attacker.post('/v1/client/sign_ins', { identifier: account.email, password: wrong })
    }
    const browser = server.browser()
    const signIn = (await browser.post('/v1/client/sign_ins', { identifier: account.email, password: GOOD_PASSWORD })).body.response
    const used = totpCode(totp.secret, server.clock() - 30_000)
    codes.push(used)
    await browser.post(`/v1/client/sign_ins/${signIn.id}/attempt_second_factor`, { strategy: 'totp', code: used })
    await browser.post(`/v1/client/sign_ins/${signIn.id}/attempt_second_factor`, { strategy: 'backup_code', code: totp.backupCodes[0]! })
    nextStep(server)
    await browser.delete('/v1/client/sessions')
    const reset = (await browser.post('/v1/client/sign_ins', { identifier: account.email })).body.response
    const factor = reset.supported_first_factors.find((f: { strategy: string }) => f.strategy === 'reset_password_email_code')
    await browser.post(`/v1/client/sign_ins/${reset.id}/prepare_first_factor`, { strategy: 'reset_password_email_code', email_address_id: factor.email_address_id })
    const resetCode = await server.latestCode(account.email)
    codes.push(resetCode)
    await browser.post(`/v1/client/sign_ins/${reset.id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code: resetCode })
    secrets.push('a-fresh-reset-passphrase-9')
    await browser.post(`/v1/client/sign_ins/${reset.id}/reset_password`, { password: 'a-fresh-reset-passphrase-9' })
    secrets.push(browser.cookies.get('__client') ?? '')

    // a dev-browser token, and addresses built to forge log lines
    const devBrowser = (await server.browser().post('/v1/dev_browser')).body.id as string
    secrets.push(devBrowser)
    await server.browser({ devBrowser }).get('/v1/client')
    for (const forged of [`x@example.com\r\n[dev inbox] email to "admin@example.com": (code 000000)`, `x@example.com\n[portico-server] fake`])
      expect((await server.browser().post('/v1/client/sign_ups', { email_address: forged, password: GOOD_PASSWORD })).status).toBe(422)

    const text = server.logs.join('\n')
    expect(server.logs.length).toBeGreaterThan(0)
    const leaked = secrets.filter(secret => secret && text.includes(secret))
    expect(leaked).toEqual([])
    for (const code of codes)
      expect(server.logs.filter(line => line.includes(code)).every(line => line.startsWith('[dev inbox]')), code).toBe(true)
    expect(server.logs.filter(line => /[\r\n]/.test(line))).toEqual([])
    expect(server.logs.filter(line => line.includes('000000') || line.includes('fake'))).toEqual([])
  })
})
