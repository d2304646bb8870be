import { describe, expect, it } from 'vitest'
import { signUpSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

describeEachDb('sign-ups: update, get and races', (ctx) => {
  describe('update and get', () => {
    it('completes on update once the last required field arrives after verification', async () => {
      const server = createTestServer(ctx.db, { signUp: { firstName: 'required' } })
      const browser = server.browser()
      const email = uniqueEmail()
      const id = (await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })).body.response.id
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const verified = expectEnvelope(await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: await server.latestCode(email) }), signUpSchema)
      expect(verified.response).toMatchObject({ status: 'missing_requirements', missing_fields: ['first_name'], unverified_fields: [] })
      const { response, client } = expectEnvelope(await browser.patch(`/v1/client/sign_ups/${id}`, { first_name: 'Ada' }), signUpSchema)
      expect(response.status).toBe('complete')
      expect(client?.sessions[0]?.user.first_name).toBe('Ada')
    })

    it('asks for a new verification when the email address changes', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      const id = (await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail() })).body.response.id
      await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
      const { response } = expectEnvelope(await browser.patch(`/v1/client/sign_ups/${id}`, { email_address: uniqueEmail() }), signUpSchema)
      expect(response.verifications?.email_address?.next_action).toBe('needs_prepare')
    })

    it('records legal acceptance', async () => {
      const server = createTestServer(ctx.db, { signUp: { legalConsent: true } })
      const browser = server.browser()
      const created = expectEnvelope(await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail() }), signUpSchema)
      expect(created.response.missing_fields).toContain('legal_accepted')
      const { response } = expectEnvelope(await browser.patch(`/v1/client/sign_ups/${created.response.id}`, { legal_accepted: true }), signUpSchema)
      expect(response.legal_accepted_at).toBe(server.clock())
      expect(response.missing_fields).not.toContain('legal_accepted')
    })

    it('reads a sign-up back', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      const id = (await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail() })).body.response.id
      expect(expectEnvelope(await browser.get(`/v1/client/sign_ups/${id}`), signUpSchema).response.id).toBe(id)
    })

    it('hides another browser\'s sign-up (404)', async () => {
      const server = createTestServer(ctx.db)
      const id = (await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail() })).body.response.id
      expectError(await server.browser().get(`/v1/client/sign_ups/${id}`), 404, 'resource_not_found')
      expectError(await server.browser().patch(`/v1/client/sign_ups/${id}`, { first_name: 'Eve' }), 404, 'resource_not_found')
    })

    it('refuses changes to a completed sign-up', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      await signUp(server, browser, uniqueEmail())
      const id = (await browser.get('/v1/client')).body.response.sign_up.id
      expectError(await browser.patch(`/v1/client/sign_ups/${id}`, { first_name: 'Late' }), 400, 'client_state_invalid')
    })
  })

  describe('races', () => {
    it('creates exactly one user when eight browsers sign up with one email at once', async () => {
      const server = createTestServer(ctx.db)
      const email = uniqueEmail('race')
      const browsers = Array.from({ length: 8 }, () => server.browser())
      const ids: string[] = []
      const codes: string[] = []
      for (const browser of browsers) {
        const res = await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD })
        ids.push(res.body.response.id)
        await browser.post(`/v1/client/sign_ups/${res.body.response.id}/prepare_verification`, { strategy: 'email_code' })
        codes.push(await server.latestCode(email))
        // one ms apart, so "latest code" is this browser's
        server.clock.advance(1)
      }
      // each browser holds its own code; all attempts race
      const results = await Promise.all(browsers.map((browser, i) =>
        browser.post(`/v1/client/sign_ups/${ids[i]}/attempt_verification`, { strategy: 'email_code', code: codes[i]! })))
      const statuses = results.map(res => res.status)
      expect(statuses.filter(status => status >= 500)).toEqual([])
      expect(results.filter(res => res.status === 200)).toHaveLength(1)
      for (const res of results.filter(res => res.status !== 200))
        expectError(res, 422, 'form_identifier_exists', 'email_address')
      const users = await ctx.db.kysely.selectFrom('email_addresses').select('user_id').where('email_normalized', '=', email).execute()
      expect(users).toHaveLength(1)
    })
  })
})
