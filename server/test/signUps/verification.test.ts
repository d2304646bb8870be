import { describe, expect, it } from 'vitest'
import { signUpSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

describeEachDb('sign-ups: verification', (ctx) => {
  describe('verification', () => {
    async function started(config = {}) {
      const server = createTestServer(ctx.db, config)
      const browser = server.browser()
      const email = uniqueEmail()
      const created = await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })
      const id = created.body.response.id as string
      return { server, browser, email, id }
    }

    it('mails a 6-digit code and completes with it: user, session and client in one answer', async () => {
      const { server, browser, email, id } = await started()
      const prepared = expectEnvelope(await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' }), signUpSchema)
      expect(prepared.response.verifications?.email_address).toMatchObject({ status: 'unverified', strategy: 'email_code', next_action: 'needs_attempt', expire_at: server.clock() + 600_000 })
      const code = await server.latestCode(email)
      expect(code).toMatch(/^\d{6}$/)
      const { response, client } = expectEnvelope(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code }), signUpSchema)
      expect(response).toMatchObject({ status: 'complete', missing_fields: [], unverified_fields: [] })
      expect(response.created_user_id).toMatch(/^user_/)
      expect(client?.sessions).toHaveLength(1)
      expect(client?.sessions[0]).toMatchObject({ id: response.created_session_id, status: 'active', user: { id: response.created_user_id, password_enabled: true } })
      expect(client?.last_active_session_id).toBe(response.created_session_id)
      expect(client?.sessions[0]?.user.email_addresses[0]).toMatchObject({ email_address: email, verification: { status: 'verified', strategy: 'email_code' } })
    })

    it('refuses a wrong code with form_code_incorrect', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      const wrong = code === '000000' ? '111111' : '000000'
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: wrong }), 422, 'form_code_incorrect', 'code')
    })

    it('fails the code after 5 wrong attempts, even for the right code afterwards', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      const wrong = code === '000000' ? '111111' : '000000'
      const statuses: string[] = []
      for (let i = 0; i < 5; i++) {
        const res = await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: wrong })
        statuses.push(res.body.errors[0].code)
      }
      expect(statuses).toEqual(['form_code_incorrect', 'form_code_incorrect', 'form_code_incorrect', 'form_code_incorrect', 'verification_failed'])
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code }), 400, 'verification_failed')
    })

    it('refuses an expired code', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      server.clock.advance(10 * 60_000)
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code }), 400, 'verification_expired')
    })

    it('refuses a replayed code', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code })
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code }), 400, 'verification_already_verified')
    })

    it('refuses an attempt before any code was sent', async () => {
      const { browser, id } = await started()
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '123456' }), 400, 'verification_not_sent')
    })

    it('refuses an attempt without a code', async () => {
      const { browser, id } = await started()
      expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code' }), 422, 'form_param_missing', 'code')
    })

    it('holds a resend back during the cooldown, then replaces the code', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const first = await server.latestCode(email)
      const early = await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      expectError(early, 429, 'verification_code_too_many_requests')
      expect(early.headers.get('retry-after')).toBe('30')
      server.clock.advance(30_000)
      expect((await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })).status).toBe(200)
      const rows = await ctx.db.kysely.selectFrom('dev_inbox').select('code').where('to_address', '=', email).execute()
      expect(rows).toHaveLength(2)
      const second = await server.latestCode(email)
      if (first !== second)
        expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: first }), 422, 'form_code_incorrect')
      expect(expectEnvelope(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: second }), signUpSchema).response.status).toBe('complete')
    })

    it('refuses strategies other than email_code', async () => {
      const { browser, id } = await started()
      expectError(await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_link' }), 400, 'verification_strategy_invalid')
    })

    it('accepts 424242 for +clerk_test addresses on development instances, without mailing', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      const email = `ada+clerk_test.${Math.random().toString(36).slice(2)}@example.com`
      const id = (await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })).body.response.id
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      expect(await ctx.db.kysely.selectFrom('dev_inbox').select('id').where('to_address', '=', email).execute()).toHaveLength(0)
      const { response } = expectEnvelope(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '424242' }), signUpSchema)
      expect(response.status).toBe('complete')
    })

    it('does not accept 424242 on production instances', async () => {
      const server = createTestServer(ctx.db, { instanceType: 'production', devInbox: true })
      const browser = server.browser()
      const email = `ada+clerk_test.${Math.random().toString(36).slice(2)}@example.com`
      const id = (await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })).body.response.id
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      if (code !== '424242')
        expectError(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '424242' }), 422, 'form_code_incorrect')
    })

    it('stores codes hashed, never in clear', async () => {
      const { server, browser, email, id } = await started()
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const code = await server.latestCode(email)
      const rows = await ctx.db.kysely.selectFrom('verifications').selectAll().where('target', '=', email).execute()
      expect(rows).toHaveLength(1)
      expect(JSON.stringify(rows)).not.toContain(code)
    })
  })
})
