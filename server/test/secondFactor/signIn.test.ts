import { describe, expect, it } from 'vitest'
import { signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { enrollTotp, nextStep, toMidStep, totpCode } from '../helpers/secondFactorFlows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

describeEachDb('second factor: sign-in', (ctx) => {
  /** A user with an authenticator app (and backup codes), signed out, and a fresh browser. */
  async function enrolled(config = {}) {
    const server = createTestServer(ctx.db, config)
    const email = uniqueEmail()
    const owner = server.browser()
    const account = await signUp(server, owner, email)
    const totp = await enrollTotp(server, owner)
    await owner.delete('/v1/client/sessions')
    return { server, email, account, totp, browser: server.browser() }
  }

  /** Starts a sign-in with identifier + password; returns its id (status needs_second_factor). */
  async function firstFactor(browser: ReturnType<ReturnType<typeof createTestServer>['browser']>, email: string): Promise<string> {
    const { response } = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD }), signInSchema)
    expect(response.status).toBe('needs_second_factor')
    return response.id
  }

  function wrongCode(right: string): string {
    return right === '000000' ? '111111' : '000000'
  }

  describe('after the first factor', () => {
    it('answers needs_second_factor with the supported second factors, and no session', async () => {
      const { email, browser } = await enrolled()
      const { response, client } = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD }), signInSchema)
      expect(response).toMatchObject({ status: 'needs_second_factor', created_session_id: null, second_factor_verification: null })
      expect(response.supported_second_factors).toEqual([{ strategy: 'totp' }, { strategy: 'backup_code' }])
      expect(client?.sessions).toEqual([])
      expect(client?.last_active_session_id).toBeNull()
      expect(client?.sign_in?.status).toBe('needs_second_factor')
    })

    it('mints no token and rotates no cookie before the second factor (MF-4)', async () => {
      const { email, browser, account } = await enrolled()
      // the browser already has its client cookie: a completed sign-in would rotate it
      expectError(await browser.post('/v1/client/sign_ins', { identifier: 'nobody@example.com' }), 422, 'form_identifier_not_found')
      const before = browser.cookies.get('__client')
      const res = await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD })
      expect(res.headers.getSetCookie()).toEqual([])
      expect(browser.cookies.get('__client')).toBe(before)
      expect(JSON.stringify(res.body)).not.toMatch(/"jwt"|eyJ/)
      expect(await ctx.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', account.userId).where('status', '=', 'active').execute()).toEqual([])
      expectError(await browser.get('/v1/me'), 401, 'authentication_invalid')
      expect((await browser.get('/v1/client')).body.response.sessions).toEqual([])
    })

    it('applies to the password first factor and to the email code', async () => {
      const { server, email, browser } = await enrolled()
      const { response } = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email }), signInSchema)
      expectEnvelope(await browser.post(`/v1/client/sign_ins/${response.id}/prepare_first_factor`, { strategy: 'email_code' }), signInSchema)
      const coded = expectEnvelope(await browser.post(`/v1/client/sign_ins/${response.id}/attempt_first_factor`, { strategy: 'email_code', code: await server.latestCode(email) }), signInSchema)
      expect(coded.response.status).toBe('needs_second_factor')
      expect(coded.client?.sessions).toEqual([])
      const other = server.browser()
      const started = expectEnvelope(await other.post('/v1/client/sign_ins', { identifier: email }), signInSchema).response
      const passed = expectEnvelope(await other.post(`/v1/client/sign_ins/${started.id}/attempt_first_factor`, { strategy: 'password', password: GOOD_PASSWORD }), signInSchema)
      expect(passed.response.status).toBe('needs_second_factor')
    })

    it('leaves users without a second factor to complete at once', async () => {
      const server = createTestServer(ctx.db)
      const email = uniqueEmail()
      const owner = server.browser()
      await signUp(server, owner, email)
      await owner.delete('/v1/client/sessions')
      const { response } = expectEnvelope(await server.browser().post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD }), signInSchema)
      expect(response.status).toBe('complete')
    })
  })

  describe('authenticator app', () => {
    it('completes with the current code: one session, a rotated cookie, fva [0, 0]', async () => {
      const { server, email, browser, totp, account } = await enrolled()
      const id = await firstFactor(browser, email)
      const before = browser.cookies.get('__client')
      const res = await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) })
      const { response, client } = expectEnvelope(res, signInSchema)
      expect(response.status).toBe('complete')
      expect(response.second_factor_verification).toMatchObject({ status: 'verified', strategy: 'totp', attempts: 1 })
      expect(client?.sessions.map(session => session.id)).toEqual([response.created_session_id])
      expect(client?.sessions[0]?.factor_verification_age).toEqual([0, 0])
      expect(client?.last_authentication_strategy).toBe('password')
      expect(browser.cookies.get('__client')).not.toBe(before)
      const jwt = client!.sessions[0]!.last_active_token!.jwt
      const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString())
      expect(claims).toMatchObject({ sub: account.userId, sid: response.created_session_id, fva: [0, 0] })
    })

    it('reports the ages of both factors in fva as time passes', async () => {
      const { server, email, browser, totp } = await enrolled()
      const id = await firstFactor(browser, email)
      server.clock.advance(3 * 60_000)
      const { response } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), signInSchema)
      server.clock.advance(4 * 60_000)
      const token = await browser.post(`/v1/client/sessions/${response.created_session_id}/tokens`, { organization_id: '' })
      const claims = JSON.parse(Buffer.from(token.body.jwt.split('.')[1], 'base64url').toString())
      expect(claims.fva).toEqual([7, 4])
      const session = (await browser.get(`/v1/client/sessions/${response.created_session_id}`)).body.response
      expect(session.factor_verification_age).toEqual([7, 4])
    })

    it('refuses a wrong code with form_code_incorrect (422) and keeps the sign-in open', async () => {
      const { server, email, browser, totp } = await enrolled()
      const id = await firstFactor(browser, email)
      const right = totpCode(totp.secret, server.clock())
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: wrongCode(right) }), 422, 'form_code_incorrect', 'code')
      const { response } = expectEnvelope(await browser.get(`/v1/client/sign_ins/${id}`), signInSchema)
      expect(response).toMatchObject({ status: 'needs_second_factor', second_factor_verification: { status: 'unverified', strategy: 'totp', attempts: 1 } })
      expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: right }), signInSchema).response.status).toBe('complete')
    })

    // the server sits mid-step: a code from a clock off by d seconds belongs to step k + floor((15 + d) / 30)
    it.each([
      [-61, false],
      [-46, false],
      [-31, true],
      [-16, true],
      [0, true],
      [29, true],
      [44, true],
      [46, false],
      [61, false],
    ])('accepts a code from a clock off by %i s: %s', async (offsetSeconds, accepted) => {
      const { server, email, browser, totp } = await enrolled()
      // two steps past the enrolment's, so no code of the window is a replay of it
      nextStep(server)
      nextStep(server)
      toMidStep(server)
      const id = await firstFactor(browser, email)
      const res = await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock() + offsetSeconds * 1000) })
      if (accepted)
        expect(expectEnvelope(res, signInSchema).response.status).toBe('complete')
      else
        expectError(res, 422, 'form_code_incorrect', 'code')
    })
  })

  describe('replay (MF-1)', () => {
    it('refuses a code already used by another sign-in within its window', async () => {
      const { server, email, totp } = await enrolled()
      const code = totpCode(totp.secret, server.clock())
      const first = server.browser()
      const firstId = await firstFactor(first, email)
      expect(expectEnvelope(await first.post(`/v1/client/sign_ins/${firstId}/attempt_second_factor`, { strategy: 'totp', code }), signInSchema).response.status).toBe('complete')
      const second = server.browser()
      const secondId = await firstFactor(second, email)
      server.clock.advance(10_000)
      expectError(await second.post(`/v1/client/sign_ins/${secondId}/attempt_second_factor`, { strategy: 'totp', code }), 422, 'form_code_incorrect', 'code')
      expect(server.logs.some(line => line.includes('presented again'))).toBe(true)
    })

    it('refuses a code of an earlier step once a later step was used', async () => {
      const { server, email, totp } = await enrolled()
      toMidStep(server)
      const first = server.browser()
      const firstId = await firstFactor(first, email)
      const later = totpCode(totp.secret, server.clock() + 30_000)
      expectEnvelope(await first.post(`/v1/client/sign_ins/${firstId}/attempt_second_factor`, { strategy: 'totp', code: later }), signInSchema)
      const second = server.browser()
      const secondId = await firstFactor(second, email)
      expectError(await second.post(`/v1/client/sign_ins/${secondId}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), 422, 'form_code_incorrect')
    })

    it('refuses the enrolment code at the next sign-in', async () => {
      const server = createTestServer(ctx.db)
      const email = uniqueEmail()
      const owner = server.browser()
      await signUp(server, owner, email)
      const { secret } = (await owner.post('/v1/me/totp')).body.response
      const code = totpCode(secret, server.clock())
      expect((await owner.post('/v1/me/totp/attempt_verification', { code })).status).toBe(200)
      await owner.delete('/v1/client/sessions')
      const browser = server.browser()
      const id = await firstFactor(browser, email)
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code }), 422, 'form_code_incorrect')
    })

    it('creates exactly one session when ten requests race with one right code (#31)', async () => {
      const { server, email, browser, totp, account } = await enrolled()
      const id = await firstFactor(browser, email)
      const code = totpCode(totp.secret, server.clock())
      const results = await Promise.all(Array.from({ length: 10 }, () => browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code })))
      expect(results.filter(res => res.status === 200)).toHaveLength(1)
      expect(results.filter(res => res.status >= 500)).toEqual([])
      const sessions = await ctx.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', account.userId).where('status', '=', 'active').execute()
      expect(sessions).toHaveLength(1)
    })
  })

  describe('attempt cap and lockout', () => {
    it('ends the attempt after 5 wrong codes (MF-3): the right code no longer works', async () => {
      const { server, email, browser, totp } = await enrolled()
      const id = await firstFactor(browser, email)
      const right = totpCode(totp.secret, server.clock())
      for (let i = 0; i < 4; i++)
        expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: wrongCode(right) }), 422, 'form_code_incorrect')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: wrongCode(right) }), 400, 'verification_failed')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: right }), 400, 'verification_failed')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'backup_code', code: 'abcdefghij' }), 400, 'verification_failed')
      const { response } = expectEnvelope(await browser.get(`/v1/client/sign_ins/${id}`), signInSchema)
      expect(response.second_factor_verification).toMatchObject({ status: 'failed', attempts: 5 })
    })

    it('counts wrong second-factor codes toward the account lockout: locked at 10, even with the right password', async () => {
      const { server, email, totp } = await enrolled()
      const right = totpCode(totp.secret, server.clock())
      for (let round = 0; round < 2; round++) {
        const browser = server.browser()
        const id = await firstFactor(browser, email)
        for (let i = 0; i < 4; i++)
          expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: wrongCode(right) }), 422, 'form_code_incorrect')
        expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: wrongCode(right) }), 400, 'verification_failed')
      }
      // the right password between the rounds did not wipe the count: 10 failures lock the account
      const locked = await server.browser().post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD })
      expectError(locked, 403, 'user_locked')
      server.clock.advance(60 * 60_000)
      await firstFactor(server.browser(), email)
    })

    it('refuses second-factor codes while the account is locked', async () => {
      const { server, email, browser, totp, account } = await enrolled()
      const id = await firstFactor(browser, email)
      await ctx.db.kysely.updateTable('users').set({ locked_until: server.clock() + 60_000 }).where('id', '=', account.userId).execute()
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), 403, 'user_locked')
    })

    it('clears the failure count once the second factor passes', async () => {
      const { server, email, browser, totp, account } = await enrolled()
      const id = await firstFactor(browser, email)
      const right = totpCode(totp.secret, server.clock())
      for (let i = 0; i < 3; i++)
        await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: wrongCode(right) })
      expect((await ctx.db.kysely.selectFrom('users').select('failed_sign_in_attempts').where('id', '=', account.userId).executeTakeFirstOrThrow()).failed_sign_in_attempts).toBe(3)
      expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: right }), signInSchema)
      expect((await ctx.db.kysely.selectFrom('users').select('failed_sign_in_attempts').where('id', '=', account.userId).executeTakeFirstOrThrow()).failed_sign_in_attempts).toBe(0)
    })

    it('expires the challenge 10 minutes after the first factor (MF-4)', async () => {
      const { server, email, browser, totp } = await enrolled()
      const id = await firstFactor(browser, email)
      server.clock.advance(10 * 60_000)
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), 400, 'verification_expired')
    })
  })

  describe('request checks', () => {
    it('refuses a strategy the user has not set up', async () => {
      const { email, browser } = await enrolled()
      const id = await firstFactor(browser, email)
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'phone_code', code: '123456' }), 400, 'strategy_for_user_invalid', 'strategy')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'email_code', code: '123456' }), 400, 'strategy_for_user_invalid', 'strategy')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' }), 400, 'strategy_for_user_invalid', 'strategy')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp' }), 422, 'form_param_missing', 'code')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { code: '123456' }), 422, 'form_param_missing', 'strategy')
    })

    it('refuses a second factor before the first one', async () => {
      const { server, email, browser, totp } = await enrolled()
      const started = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email }), signInSchema).response
      expectError(await browser.post(`/v1/client/sign_ins/${started.id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), 400, 'client_state_invalid')
    })

    it('refuses a second factor once the sign-in is complete', async () => {
      const { server, email, browser, totp } = await enrolled()
      const id = await firstFactor(browser, email)
      expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), signInSchema)
      nextStep(server)
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), 400, 'client_state_invalid')
    })

    it('hides another browser\'s sign-in (404)', async () => {
      const { server, email, browser, totp } = await enrolled()
      const id = await firstFactor(browser, email)
      expectError(await server.browser().post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), 404, 'resource_not_found')
    })
  })
})
