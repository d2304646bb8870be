import type { TestBrowser } from '../helpers/testBrowser'
import type { TestServer } from '../helpers/testServer'
import { expect, it } from 'vitest'
import { signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signInWithPassword, signUp } from '../helpers/flows'
import { enrollTotp, totpCode } from '../helpers/secondFactorFlows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'
import { databaseSnapshot } from './databaseSnapshot'

const NEW_PASSWORD = 'a-brand-new-passphrase-7'

/** A registered user, signed out; the browser keeps its client cookie. */
async function registered(server: TestServer) {
  const browser = server.browser()
  const email = uniqueEmail('replay')
  const account = await signUp(server, browser, email)
  await browser.delete('/v1/client/sessions')
  return { browser, email, account }
}

/** Starts a sign-in and mails a first-factor code of `strategy`; returns the sign-in id. */
async function preparedSignIn(browser: TestBrowser, email: string, strategy: 'email_code' | 'reset_password_email_code'): Promise<string> {
  const created = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email }), signInSchema).response
  const emailAddressId = created.supported_first_factors!.find(factor => factor.strategy === strategy)!.email_address_id!
  expectEnvelope(await browser.post(`/v1/client/sign_ins/${created.id}/prepare_first_factor`, { strategy, email_address_id: emailAddressId }), signInSchema)
  return created.id
}

async function sessionCount(server: TestServer, userId: string): Promise<number> {
  return (await server.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length
}

describeEachDb('security: replays (security.md #25)', (ctx) => {
  it('spends a password-reset code once: not again on its sign-in, not on a later one, and the password stays', async () => {
    const server = createTestServer(ctx.db)
    const { browser, email, account } = await registered(server)
    const id = await preparedSignIn(browser, email, 'reset_password_email_code')
    const code = await server.latestCode(email)
    expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code }), signInSchema)
    expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: NEW_PASSWORD }), signInSchema).response.status).toBe('complete')
    await browser.delete('/v1/client/sessions')

    // the same sign-in, now complete, takes neither the code nor a second new password
    const again = await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code })
    expect(again.status).toBeGreaterThanOrEqual(400)
    expect((await browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: 'attacker-chosen-passphrase-1' })).status).toBeGreaterThanOrEqual(400)

    // a later reset needs the code it mailed, not the old one
    const attacker = server.browser()
    const later = await preparedSignIn(attacker, email, 'reset_password_email_code')
    expect(await server.latestCode(email)).not.toBe(code)
    expectError(await attacker.post(`/v1/client/sign_ins/${later}/attempt_first_factor`, { strategy: 'reset_password_email_code', code }), 422, 'form_code_incorrect')
    expectError(await attacker.post(`/v1/client/sign_ins/${later}/reset_password`, { password: 'attacker-chosen-passphrase-1' }), 400, 'client_state_invalid')

    expect(await signInWithPassword(server.browser(), email, NEW_PASSWORD)).toMatch(/^sess_/)
    expect(await sessionCount(server, account.userId)).toBe(3)
  })

  it('spends a sign-in email code once, and a later sign-in refuses it', async () => {
    const server = createTestServer(ctx.db)
    const { browser, email } = await registered(server)
    const first = await preparedSignIn(browser, email, 'email_code')
    const code = await server.latestCode(email)
    expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${first}/attempt_first_factor`, { strategy: 'email_code', code }), signInSchema).response.status).toBe('complete')
    await browser.delete('/v1/client/sessions')

    expect((await browser.post(`/v1/client/sign_ins/${first}/attempt_first_factor`, { strategy: 'email_code', code })).status).toBeGreaterThanOrEqual(400)
    const second = await preparedSignIn(browser, email, 'email_code')
    expectError(await browser.post(`/v1/client/sign_ins/${second}/attempt_first_factor`, { strategy: 'email_code', code }), 422, 'form_code_incorrect')
    expect((await browser.get('/v1/client')).body.response.sessions).toEqual([])
  })

  it('does not let another browser replay a captured attempt: the sign-in is not theirs', async () => {
    const server = createTestServer(ctx.db)
    const { browser, email } = await registered(server)
    const id = await preparedSignIn(browser, email, 'email_code')
    const code = await server.latestCode(email)
    const attacker = server.browser()
    const before = await databaseSnapshot(ctx.db)
    expectError(await attacker.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code }), 404, 'resource_not_found')
    expect(await databaseSnapshot(ctx.db)).toEqual(before)
    // the owner's code is still good
    expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code }), signInSchema).response.status).toBe('complete')
  })

  it('spends a backup code once, also across browsers, and a completed second factor takes no more codes', async () => {
    const server = createTestServer(ctx.db)
    const owner = server.browser()
    const email = uniqueEmail('backup')
    const account = await signUp(server, owner, email)
    const { backupCodes } = await enrollTotp(server, owner)
    await owner.delete('/v1/client/sessions')
    const secondFactor = async (browser: TestBrowser, code: string) => {
      const signIn = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD }), signInSchema).response
      expect(signIn.status).toBe('needs_second_factor')
      return { id: signIn.id, res: await browser.post(`/v1/client/sign_ins/${signIn.id}/attempt_second_factor`, { strategy: 'backup_code', code }) }
    }
    const used = await secondFactor(owner, backupCodes[0]!)
    expect(expectEnvelope(used.res, signInSchema).response.status).toBe('complete')
    expect((await owner.post(`/v1/client/sign_ins/${used.id}/attempt_second_factor`, { strategy: 'backup_code', code: backupCodes[1]! })).status).toBeGreaterThanOrEqual(400)
    const sessions = await sessionCount(server, account.userId)
    const replayed = await secondFactor(server.browser(), backupCodes[0]!)
    expectError(replayed.res, 422, 'form_code_incorrect')
    expect(await sessionCount(server, account.userId)).toBe(sessions)
  })

  it('refuses a TOTP code already used and logs the replay with the user, not the code (#26)', async () => {
    const server = createTestServer(ctx.db)
    const owner = server.browser()
    const account = await signUp(server, owner, uniqueEmail('totp'))
    const totp = await enrollTotp(server, owner)
    await owner.delete('/v1/client/sessions')
    const code = totpCode(totp.secret, server.clock())
    const browser = server.browser()
    const mine = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: account.email, password: GOOD_PASSWORD }), signInSchema).response
    expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${mine.id}/attempt_second_factor`, { strategy: 'totp', code }), signInSchema).response.status).toBe('complete')
    const thief = server.browser()
    const stolen = expectEnvelope(await thief.post('/v1/client/sign_ins', { identifier: account.email, password: GOOD_PASSWORD }), signInSchema).response
    expectError(await thief.post(`/v1/client/sign_ins/${stolen.id}/attempt_second_factor`, { strategy: 'totp', code }), 422, 'form_code_incorrect')
    const warnings = server.logs.filter(line => line.includes('presented again'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(account.userId)
    expect(warnings[0]).not.toContain(code)
  })
})
