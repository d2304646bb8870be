import type { TestResponse } from '../helpers/testBrowser'
import { randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import { signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signedOutAccount } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'
import { latestMail, orgFixture } from '../organizations/orgFixtures'

function serverErrors(results: TestResponse[]): TestResponse[] {
  return results.filter(res => res.status >= 500)
}

describeEachDb('security: races (security.md #29, #30, #32)', (ctx) => {
  it('creates exactly one account when browsers sign up at once with case and Unicode variants of one address (#29)', async () => {
    const server = createTestServer(ctx.db)
    const tag = randomBytes(4).toString('hex')
    // +clerk_test: the development code 424242 verifies every variant without reading mail
    const canonical = `rené.${tag}+clerk_test@example.com`
    const variants = [
      canonical,
      `René.${tag}+clerk_test@example.com`,
      `RENÉ.${tag}+clerk_test@EXAMPLE.COM`,
      `rené.${tag}+clerk_test@Example.Com`,
      ` rené.${tag}+clerk_test@example.com `,
      `rene\u0301.${tag}+clerk_test@example.com`, // NFD: the accent as a combining mark
      `René.${tag}+clerk_test@exAmple.com`,
      `rené.${tag}+clerk_test@example.COM`,
    ]
    const attempts = variants.map(async (address) => {
      const browser = server.browser()
      const created = await browser.post('/v1/client/sign_ups', { email_address: address, password: GOOD_PASSWORD })
      if (created.status !== 200)
        return created
      const id = created.body.response.id as string
      const prepared = await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      if (prepared.status !== 200)
        return prepared
      return browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '424242' })
    })
    const results = await Promise.all(attempts)
    expect(serverErrors(results)).toEqual([])
    expect(results.filter(res => res.status === 200)).toHaveLength(1)
    for (const res of results.filter(res => res.status !== 200)) {
      expect(res.status, JSON.stringify(res.body)).toBe(422)
      expect(res.body.errors[0].code).toMatch(/^(form_identifier_exists|form_param_format_invalid)$/)
    }
    const rows = await ctx.db.kysely.selectFrom('email_addresses').select(['user_id', 'email_normalized']).where('email_normalized', 'like', `%${tag}%`).execute()
    expect(rows).toEqual([{ user_id: expect.any(String), email_normalized: canonical }])
  })

  it('lets exactly one of twenty parallel new passwords through one verified reset, with one session (#30)', async () => {
    const server = createTestServer(ctx.db)
    const account = await signedOutAccount(server, uniqueEmail('reset'))
    const browser = server.browser()
    const signIn = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: account.email }), signInSchema).response
    const emailAddressId = signIn.supported_first_factors!.find(factor => factor.strategy === 'reset_password_email_code')!.email_address_id!
    await browser.post(`/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy: 'reset_password_email_code', email_address_id: emailAddressId })
    const code = await server.latestCode(account.email)
    // the code itself, twenty times at once: it opens the reset once
    const attempts = await Promise.all(Array.from({ length: 20 }, () =>
      browser.post(`/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code })))
    expect(serverErrors(attempts)).toEqual([])
    expect(attempts.some(res => res.status === 200)).toBe(true)

    const sessionsBefore = (await ctx.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', account.userId).execute()).length
    const passwords = Array.from({ length: 20 }, (_, i) => `parallel-new-passphrase-${i}`)
    const resets = await Promise.all(passwords.map(password => browser.post(`/v1/client/sign_ins/${signIn.id}/reset_password`, { password })))
    expect(serverErrors(resets)).toEqual([])
    const winners = resets.filter(res => res.status === 200)
    expect(winners).toHaveLength(1)
    for (const res of resets.filter(res => res.status !== 200))
      expect(res.status).toBe(400)
    const sessionsAfter = (await ctx.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', account.userId).execute()).length
    expect(sessionsAfter - sessionsBefore).toBe(1)

    // the password that won is the one the account now has; the others do not sign in
    const winner = passwords[resets.indexOf(winners[0]!)]!
    await browser.delete('/v1/client/sessions')
    const loser = passwords.find(password => password !== winner)!
    expectError(await server.browser().post('/v1/client/sign_ins', { identifier: account.email, password: loser }), 422, 'form_password_incorrect')
    expect((await server.browser().post('/v1/client/sign_ins', { identifier: account.email, password: winner })).body.response.status).toBe('complete')
  })

  it.each(['email_code', 'password'] as const)('completes one sign-in once when ten %s attempts race on it, with one session (#30, #31)', async (strategy) => {
    const server = createTestServer(ctx.db)
    const account = await signedOutAccount(server, uniqueEmail('once'))
    const browser = server.browser()
    const signIn = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: account.email }), signInSchema).response
    let proof = GOOD_PASSWORD
    if (strategy === 'email_code') {
      const emailAddressId = signIn.supported_first_factors!.find(factor => factor.strategy === 'email_code')!.email_address_id!
      await browser.post(`/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy, email_address_id: emailAddressId })
      proof = await server.latestCode(account.email)
    }
    const sessionsBefore = (await ctx.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', account.userId).execute()).length
    const results = await Promise.all(Array.from({ length: 10 }, () =>
      browser.post(`/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, strategy === 'password' ? { strategy, password: proof } : { strategy, code: proof })))
    expect(serverErrors(results)).toEqual([])
    const sessionsAfter = (await ctx.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', account.userId).execute()).length
    expect(sessionsAfter - sessionsBefore).toBe(1)
    expect(results.filter(res => res.status === 200)).toHaveLength(1)
  })

  it('completes one sign-up once when ten verifications race on it: one user, one session (#29)', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const email = uniqueEmail('twice')
    const id = (await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })).body.response.id as string
    await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
    const code = await server.latestCode(email)
    const results = await Promise.all(Array.from({ length: 10 }, () =>
      browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code })))
    expect(serverErrors(results)).toEqual([])
    const owners = await ctx.db.kysely.selectFrom('email_addresses').select('user_id').where('email_normalized', '=', email).execute()
    expect(owners).toHaveLength(1)
    const sessions = await ctx.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', owners[0]!.user_id).execute()
    expect(sessions).toHaveLength(1)
    expect((await browser.get('/v1/client')).body.response.sessions).toHaveLength(1)
  })

  it('redeems one invitation ticket once when many browsers sign up with it at once (#32)', async () => {
    const server = createTestServer(ctx.db)
    const { org, admin } = await orgFixture(server)
    const email = uniqueEmail('invitee')
    const invitation = await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email, role: 'org:admin' })
    expect(invitation.status).toBe(200)
    const ticket = /__clerk_ticket=([\w.-]+)/.exec((await latestMail(server, email)).body)![1]!
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      server.browser().post('/v1/client/sign_ups', { strategy: 'ticket', ticket, password: `ticket-race-passphrase-${i}` })))
    expect(serverErrors(results)).toEqual([])
    const completed = results.filter(res => res.status === 200 && res.body.response.status === 'complete')
    expect(completed).toHaveLength(1)
    for (const res of results.filter(res => !completed.includes(res)))
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400)
    const owners = await ctx.db.kysely.selectFrom('email_addresses').select('user_id').where('email_normalized', '=', email).execute()
    expect(owners).toHaveLength(1)
    const memberships = await ctx.db.kysely.selectFrom('organization_memberships').select('user_id').where('organization_id', '=', org.id).where('role', '=', 'org:admin').execute()
    expect(memberships.map(row => row.user_id)).toEqual(expect.arrayContaining([owners[0]!.user_id]))
    expect(memberships.filter(row => row.user_id === owners[0]!.user_id)).toHaveLength(1)
    expect((await ctx.db.kysely.selectFrom('organization_invitations').select('status').where('id', '=', invitation.body.response.id).executeTakeFirstOrThrow()).status).toBe('accepted')
  })
})
