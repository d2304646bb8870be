import { expect, it } from 'vitest'
import { signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { enrollTotp, totpCode } from '../helpers/secondFactorFlows'
import { createTestServer, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

const NEW_PASSWORD = 'a-brand-new-passphrase-7'

describeEachDb('second factor: password reset (MF-7)', (ctx) => {
  async function enrolled() {
    const server = createTestServer(ctx.db)
    const email = uniqueEmail()
    const owner = server.browser()
    const account = await signUp(server, owner, email)
    const totp = await enrollTotp(server, owner)
    await owner.delete('/v1/client/sessions')
    return { server, email, account, totp, browser: server.browser() }
  }

  async function resetPassword(server: ReturnType<typeof createTestServer>, browser: ReturnType<ReturnType<typeof createTestServer>['browser']>, email: string) {
    const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id as string
    await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'reset_password_email_code' })
    expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code: await server.latestCode(email) }), signInSchema)
    return { id, res: await browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: NEW_PASSWORD }) }
  }

  it('still asks for the second factor after a reset, with no session, token or cookie before it (#56)', async () => {
    const { server, email, browser, totp } = await enrolled()
    // the browser gets its client cookie first: a session would rotate it
    expectError(await browser.post('/v1/client/sign_ins', { identifier: 'nobody@example.com' }), 422, 'form_identifier_not_found')
    const cookie = browser.cookies.get('__client')
    expect(cookie).toBeDefined()
    const { id, res } = await resetPassword(server, browser, email)
    const { response, client } = expectEnvelope(res, signInSchema)
    expect(response).toMatchObject({ status: 'needs_second_factor', created_session_id: null })
    expect(response.supported_second_factors?.map(factor => factor.strategy)).toEqual(['totp', 'backup_code'])
    expect(client?.sessions).toEqual([])
    expect(res.headers.getSetCookie()).toEqual([])
    expect(browser.cookies.get('__client')).toBe(cookie)
    expect(JSON.stringify(res.body)).not.toContain('eyJ')
    const done = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), signInSchema)
    expect(done.response.status).toBe('complete')
    expect(done.client?.last_authentication_strategy).toBe('reset_password_email_code')
  })

  it('sets the new password even though the sign-in waits for the second factor', async () => {
    const { server, email, browser } = await enrolled()
    await resetPassword(server, browser, email)
    const other = server.browser()
    expectError(await other.post('/v1/client/sign_ins', { identifier: email, password: 'violet-harbor-lantern-42' }), 422, 'form_password_incorrect')
    expect((await other.post('/v1/client/sign_ins', { identifier: email, password: NEW_PASSWORD })).body.response.status).toBe('needs_second_factor')
  })

  it('lifts a lock but keeps the failure count, so one wrong code locks again', async () => {
    const { server, email, browser, totp, account } = await enrolled()
    await ctx.db.kysely.updateTable('users').set({ failed_sign_in_attempts: 10, locked_until: server.clock() + 3_600_000 }).where('id', '=', account.userId).execute()
    const { id } = await resetPassword(server, browser, email)
    const right = totpCode(totp.secret, server.clock())
    expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: right === '000000' ? '111111' : '000000' }), 422, 'form_code_incorrect')
    expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: right }), 403, 'user_locked')
  })

  it('lets a locked user finish with the right code after a reset', async () => {
    const { server, email, browser, totp, account } = await enrolled()
    await ctx.db.kysely.updateTable('users').set({ failed_sign_in_attempts: 10, locked_until: server.clock() + 3_600_000 }).where('id', '=', account.userId).execute()
    const { id } = await resetPassword(server, browser, email)
    expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), signInSchema).response.status).toBe('complete')
    const user = await ctx.db.kysely.selectFrom('users').select(['failed_sign_in_attempts', 'locked_until']).where('id', '=', account.userId).executeTakeFirstOrThrow()
    expect(user).toEqual({ failed_sign_in_attempts: 0, locked_until: null })
  })
})
