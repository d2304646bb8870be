import { describe, expect, it } from 'vitest'
import { signInSchema, signUpSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { addVerifiedPhone, uniquePhone } from '../helpers/secondFactorFlows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

describeEachDb('phone numbers: sign-up and sign-in', (ctx) => {
  describe('sign-up', () => {
    it('verifies a phone number given at sign-up by SMS before the account exists, then gives it to the user', async () => {
      const server = createTestServer(ctx.db, { phoneNumbers: { enabled: true } })
      const browser = server.browser()
      const email = uniqueEmail()
      const number = uniquePhone()
      const created = expectEnvelope(await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD, phone_number: number }), signUpSchema).response
      expect(created).toMatchObject({ phone_number: number, optional_fields: expect.arrayContaining(['phone_number']), unverified_fields: ['email_address', 'phone_number'] })
      expect(created.verifications?.phone_number).toMatchObject({ status: 'unverified', next_action: 'needs_prepare', supported_strategies: ['phone_code'] })
      await browser.post(`/v1/client/sign_ups/${created.id}/prepare_verification`, { strategy: 'email_code' })
      const emailDone = expectEnvelope(await browser.post(`/v1/client/sign_ups/${created.id}/attempt_verification`, { strategy: 'email_code', code: await server.latestCode(email) }), signUpSchema).response
      expect(emailDone).toMatchObject({ status: 'missing_requirements', unverified_fields: ['phone_number'] })
      const prepared = expectEnvelope(await browser.post(`/v1/client/sign_ups/${created.id}/prepare_verification`, { strategy: 'phone_code' }), signUpSchema).response
      expect(prepared.verifications?.phone_number).toMatchObject({ strategy: 'phone_code', next_action: 'needs_attempt' })
      const { response, client } = expectEnvelope(await browser.post(`/v1/client/sign_ups/${created.id}/attempt_verification`, { strategy: 'phone_code', code: await server.latestCode(number) }), signUpSchema)
      expect(response.status).toBe('complete')
      const user = client!.sessions[0]!.user
      expect(user.phone_numbers).toEqual([expect.objectContaining({ phone_number: number, verification: expect.objectContaining({ status: 'verified' }) })])
      expect(user.primary_phone_number_id).toBe(user.phone_numbers[0]!.id)
    })

    it('requires a phone number when the application says so', async () => {
      const server = createTestServer(ctx.db, { phoneNumbers: { enabled: true, signUp: 'required' } })
      const browser = server.browser()
      const email = uniqueEmail()
      const created = expectEnvelope(await browser.post('/v1/client/sign_ups', { email_address: email, password: GOOD_PASSWORD }), signUpSchema).response
      expect(created.required_fields).toContain('phone_number')
      expect(created.missing_fields).toEqual(['phone_number'])
      await browser.post(`/v1/client/sign_ups/${created.id}/prepare_verification`, { strategy: 'email_code' })
      const verified = expectEnvelope(await browser.post(`/v1/client/sign_ups/${created.id}/attempt_verification`, { strategy: 'email_code', code: await server.latestCode(email) }), signUpSchema).response
      expect(verified.status).toBe('missing_requirements')
      const number = uniquePhone()
      expectEnvelope(await browser.patch(`/v1/client/sign_ups/${created.id}`, { phone_number: number }), signUpSchema)
      await browser.post(`/v1/client/sign_ups/${created.id}/prepare_verification`, { strategy: 'phone_code' })
      expect(expectEnvelope(await browser.post(`/v1/client/sign_ups/${created.id}/attempt_verification`, { strategy: 'phone_code', code: await server.latestCode(number) }), signUpSchema).response.status).toBe('complete')
    })

    it('reads email_address_or_phone_number as a phone number when it has no @', async () => {
      const server = createTestServer(ctx.db, { phoneNumbers: { enabled: true } })
      const number = uniquePhone()
      const created = expectEnvelope(await server.browser().post('/v1/client/sign_ups', { email_address_or_phone_number: number }), signUpSchema).response
      expect(created).toMatchObject({ phone_number: number, email_address: null })
    })

    it('refuses a taken or invalid phone number, and ignores it while phone numbers are off', async () => {
      const server = createTestServer(ctx.db, { phoneNumbers: { enabled: true } })
      const owner = server.browser()
      await signUp(server, owner, uniqueEmail())
      const number = uniquePhone()
      await addVerifiedPhone(server, owner, number)
      expectError(await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail(), phone_number: number }), 422, 'form_identifier_exists', 'phone_number')
      expectError(await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail(), phone_number: '+1 555 123 4567' }), 422, 'form_param_format_invalid', 'phone_number')
      const off = createTestServer(ctx.db)
      expect(expectEnvelope(await off.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail(), phone_number: uniquePhone() }), signUpSchema).response.phone_number).toBeNull()
    })
  })

  describe('sign-in with a phone number', () => {
    async function withPhone(config: object = { phoneNumbers: { enabled: true, signIn: true } }) {
      const server = createTestServer(ctx.db, config)
      const owner = server.browser()
      const email = uniqueEmail()
      await signUp(server, owner, email)
      const number = uniquePhone()
      const phoneId = await addVerifiedPhone(server, owner, number)
      await owner.delete('/v1/client/sessions')
      return { server, email, number, phoneId, browser: server.browser() }
    }

    it('finds the account by its verified number and signs in with an SMS code', async () => {
      const { server, number, phoneId, browser } = await withPhone()
      const started = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: number }), signInSchema).response
      expect(started.status).toBe('needs_first_factor')
      expect(started.supported_identifiers).toContain('phone_number')
      expect(started.supported_first_factors).toContainEqual({ strategy: 'phone_code', safe_identifier: `+*********${number.slice(-2)}`, phone_number_id: phoneId, primary: true })
      expectEnvelope(await browser.post(`/v1/client/sign_ins/${started.id}/prepare_first_factor`, { strategy: 'phone_code', phone_number_id: phoneId }), signInSchema)
      const { response, client } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${started.id}/attempt_first_factor`, { strategy: 'phone_code', code: await server.latestCode(number) }), signInSchema)
      expect(response.status).toBe('complete')
      expect(client?.last_authentication_strategy).toBe('phone_code')
    })

    it('accepts the number as typed nationally with a default country', async () => {
      const { number, browser } = await withPhone({ phoneNumbers: { enabled: true, signIn: true, defaultCountry: 'US' } })
      const national = `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`
      expect(expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: national }), signInSchema).response.status).toBe('needs_first_factor')
    })

    it('resets the password by SMS code', async () => {
      const { server, number, browser } = await withPhone()
      const started = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: number }), signInSchema).response
      await browser.post(`/v1/client/sign_ins/${started.id}/prepare_first_factor`, { strategy: 'reset_password_phone_code' })
      expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${started.id}/attempt_first_factor`, { strategy: 'reset_password_phone_code', code: await server.latestCode(number) }), signInSchema).response.status).toBe('needs_new_password')
      const { client } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${started.id}/reset_password`, { password: 'a-brand-new-passphrase-7' }), signInSchema)
      expect(client?.last_authentication_strategy).toBe('reset_password_phone_code')
    })

    it('does not find accounts by phone number unless phone sign-in is on', async () => {
      const { number, browser } = await withPhone({ phoneNumbers: { enabled: true } })
      expectError(await browser.post('/v1/client/sign_ins', { identifier: number }), 422, 'form_identifier_not_found', 'identifier')
    })

    it('offers no phone first factor while phone sign-in is off', async () => {
      const { email, browser } = await withPhone({ phoneNumbers: { enabled: true } })
      const started = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email }), signInSchema).response
      expect(started.supported_first_factors?.map(factor => factor.strategy)).not.toContain('phone_code')
      expectError(await browser.post(`/v1/client/sign_ins/${started.id}/prepare_first_factor`, { strategy: 'phone_code' }), 400, 'strategy_for_user_invalid')
    })

    it('does not find an unverified number', async () => {
      const server = createTestServer(ctx.db, { phoneNumbers: { enabled: true, signIn: true } })
      const owner = server.browser()
      await signUp(server, owner, uniqueEmail())
      const number = uniquePhone()
      await owner.post('/v1/me/phone_numbers', { phone_number: number })
      expectError(await server.browser().post('/v1/client/sign_ins', { identifier: number }), 422, 'form_identifier_not_found')
    })
  })
})
