import { describe, expect, it } from 'vitest'
import { signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signedOutAccount } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

describeEachDb('sign-ins: first factors', (ctx) => {
  /** A server with one registered user, signed out, and a fresh browser. */
  async function registered(config = {}) {
    const server = createTestServer(ctx.db, config)
    const email = uniqueEmail()
    const account = await signedOutAccount(server, email)
    return { server, email, account, browser: server.browser() }
  }

  describe('first factors', () => {
    it('completes with the password strategy', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expect((await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'password' })).status).toBe(200)
      const { response } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: GOOD_PASSWORD }), signInSchema)
      expect(response.status).toBe('complete')
    })

    it('completes with an email code', async () => {
      const { server, email, browser } = await registered()
      const created = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email }), signInSchema).response
      const factor = created.supported_first_factors!.find(f => f.strategy === 'email_code')!
      const prepared = expectEnvelope(await browser.post(`/v1/client/sign_ins/${created.id}/prepare_first_factor`, { strategy: 'email_code', email_address_id: factor.email_address_id! }), signInSchema).response
      expect(prepared.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'email_code', expire_at: server.clock() + 600_000 })
      const { response, client } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${created.id}/attempt_first_factor`, { strategy: 'email_code', code: await server.latestCode(email) }), signInSchema)
      expect(response.status).toBe('complete')
      expect(client?.last_authentication_strategy).toBe('email_code')
    })

    it('refuses a code attempt for a strategy that was not prepared', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code: '123456' }), 400, 'verification_not_sent')
    })

    it('refuses an email address id that is not the user\'s', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'email_code', email_address_id: 'idn_other' }), 422, 'form_param_value_invalid', 'email_address_id')
    })

    it('refuses unknown strategies and missing parameters', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'phone_code' }), 400, 'strategy_for_user_invalid')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, {}), 422, 'form_param_missing', 'strategy')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password' }), 422, 'form_param_missing', 'password')
    })

    it('refuses a first factor on a completed sign-in', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: GOOD_PASSWORD }), 400, 'client_state_invalid')
    })

    it('answers second-factor routes with a clear error', async () => {
      const { email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expectError(await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' }), 400, 'no_second_factors')
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: '123456' }), 400, 'no_second_factors')
    })

    it('reads a sign-in back and hides it from other browsers', async () => {
      const { server, email, browser } = await registered()
      const id = (await browser.post('/v1/client/sign_ins', { identifier: email })).body.response.id
      expect(expectEnvelope(await browser.get(`/v1/client/sign_ins/${id}`), signInSchema).response.id).toBe(id)
      expectError(await server.browser().get(`/v1/client/sign_ins/${id}`), 404, 'resource_not_found')
    })
  })
})
