import { describe, expect, it } from 'vitest'
import { deletedObjectSchema, phoneNumberSchema, userSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { addVerifiedPhone, uniquePhone } from '../helpers/secondFactorFlows'
import { createTestServer, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

const PHONES = { phoneNumbers: { enabled: true } }

describeEachDb('second factor: phone numbers', (ctx) => {
  async function signedIn(config: object = PHONES) {
    const server = createTestServer(ctx.db, config)
    const browser = server.browser()
    const account = await signUp(server, browser, uniqueEmail())
    return { server, browser, account }
  }

  describe('pOST /v1/me/phone_numbers/', () => {
    it('adds an unverified number in E.164 form', async () => {
      const { browser } = await signedIn()
      const number = uniquePhone()
      const { response, client } = expectEnvelope(await browser.post('/v1/me/phone_numbers/', { phone_number: number }), phoneNumberSchema)
      expect(response).toMatchObject({ object: 'phone_number', phone_number: number, reserved_for_second_factor: false, default_second_factor: false, verification: null, linked_to: [] })
      expect(response.id).toMatch(/^idn_/)
      expect(client?.sessions[0]?.user.phone_numbers.map(phone => phone.id)).toEqual([response.id])
      expect(client?.sessions[0]?.user.primary_phone_number_id).toBeNull()
    })

    it.each([
      ['+1 (415) 555-2671', '+14155552671'],
      ['+44 7400 123456', '+447400123456'],
      ['  +33 6 12 34 56 78 ', '+33612345678'],
    ])('normalizes %s to %s', async (input, e164) => {
      const { browser } = await signedIn()
      await ctx.db.kysely.deleteFrom('phone_numbers').where('phone_number', '=', e164).execute()
      expect(expectEnvelope(await browser.post('/v1/me/phone_numbers', { phone_number: input }), phoneNumberSchema).response.phone_number).toBe(e164)
    })

    it('reads national numbers in the configured default country', async () => {
      const { browser } = await signedIn({ phoneNumbers: { enabled: true, defaultCountry: 'US' } })
      await ctx.db.kysely.deleteFrom('phone_numbers').where('phone_number', '=', '+16502530000').execute()
      expect(expectEnvelope(await browser.post('/v1/me/phone_numbers', { phone_number: '(650) 253-0000' }), phoneNumberSchema).response.phone_number).toBe('+16502530000')
    })

    it.each([
      ['no country code without a default country', '(650) 253-0000'],
      ['an impossible number', '+1 555 123 4567'],
      ['too short', '+123'],
      ['letters', '+1 800 FLOWERS'],
      ['an email address', 'ada@example.com'],
      ['empty', ''],
    ])('refuses %s with form_param_format_invalid', async (_, input) => {
      const { browser } = await signedIn()
      expectError(await browser.post('/v1/me/phone_numbers', { phone_number: input }), 422, 'form_param_format_invalid', 'phone_number')
    })

    it('needs phone_number', async () => {
      const { browser } = await signedIn()
      expectError(await browser.post('/v1/me/phone_numbers', {}), 422, 'form_param_missing', 'phone_number')
    })

    it('refuses a number another user verified, and one the user already has', async () => {
      const owner = await signedIn()
      const number = uniquePhone()
      await addVerifiedPhone(owner.server, owner.browser, number)
      expectError(await owner.browser.post('/v1/me/phone_numbers', { phone_number: number }), 422, 'form_identifier_exists', 'phone_number')
      const other = await signedIn()
      expectError(await other.browser.post('/v1/me/phone_numbers', { phone_number: number }), 422, 'form_identifier_exists', 'phone_number')
    })

    it('lets whoever verifies first own a number someone only claimed', async () => {
      const squatter = await signedIn()
      const number = uniquePhone()
      expectEnvelope(await squatter.browser.post('/v1/me/phone_numbers', { phone_number: number }), phoneNumberSchema)
      const owner = await signedIn()
      await addVerifiedPhone(owner.server, owner.browser, number)
      expect((await squatter.browser.get('/v1/me')).body.response.phone_numbers).toEqual([])
    })

    it('is refused when phone numbers are off (the default)', async () => {
      const { browser } = await signedIn({})
      expectError(await browser.post('/v1/me/phone_numbers', { phone_number: uniquePhone() }), 403, 'resource_forbidden')
    })

    it('caps the numbers per user', async () => {
      const { browser } = await signedIn({ phoneNumbers: { enabled: true, maxPerUser: 1 } })
      expectEnvelope(await browser.post('/v1/me/phone_numbers', { phone_number: uniquePhone() }), phoneNumberSchema)
      expectError(await browser.post('/v1/me/phone_numbers', { phone_number: uniquePhone() }), 422, 'form_param_value_invalid', 'phone_number')
    })
  })

  describe('verification by SMS code', () => {
    it('texts a 6-digit code through the dev inbox and verifies the number with it', async () => {
      const { server, browser } = await signedIn()
      const number = uniquePhone()
      const { id } = expectEnvelope(await browser.post('/v1/me/phone_numbers', { phone_number: number }), phoneNumberSchema).response
      const prepared = expectEnvelope(await browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' }), phoneNumberSchema).response
      expect(prepared.verification).toMatchObject({ status: 'unverified', strategy: 'phone_code', attempts: 0, expire_at: server.clock() + 600_000 })
      const message = await ctx.db.kysely.selectFrom('dev_inbox').selectAll().where('to_address', '=', number).executeTakeFirstOrThrow()
      expect(message.channel).toBe('sms')
      expect(message.code).toMatch(/^\d{6}$/)
      expect(message.body).toContain(message.code!)
      const { response, client } = expectEnvelope(await browser.post(`/v1/me/phone_numbers/${id}/attempt_verification`, { code: message.code! }), phoneNumberSchema)
      expect(response.verification).toMatchObject({ status: 'verified', strategy: 'phone_code' })
      expect(client?.sessions[0]?.user.primary_phone_number_id).toBe(id)
    })

    it('refuses a wrong code, then fails after 5', async () => {
      const { server, browser } = await signedIn()
      const number = uniquePhone()
      const { id } = expectEnvelope(await browser.post('/v1/me/phone_numbers', { phone_number: number }), phoneNumberSchema).response
      await browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`)
      const right = await server.latestCode(number)
      const wrong = right === '000000' ? '111111' : '000000'
      for (let i = 0; i < 4; i++)
        expectError(await browser.post(`/v1/me/phone_numbers/${id}/attempt_verification`, { code: wrong }), 422, 'form_code_incorrect', 'code')
      expectError(await browser.post(`/v1/me/phone_numbers/${id}/attempt_verification`, { code: wrong }), 400, 'verification_failed')
      expectError(await browser.post(`/v1/me/phone_numbers/${id}/attempt_verification`, { code: right }), 400, 'verification_failed')
    })

    it('expires the code after 10 minutes and limits resends to one per 30 s', async () => {
      const { server, browser } = await signedIn()
      const number = uniquePhone()
      const { id } = expectEnvelope(await browser.post('/v1/me/phone_numbers', { phone_number: number }), phoneNumberSchema).response
      await browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`)
      expectError(await browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`), 429, 'verification_code_too_many_requests')
      const code = await server.latestCode(number)
      server.clock.advance(10 * 60_000)
      expectError(await browser.post(`/v1/me/phone_numbers/${id}/attempt_verification`, { code }), 400, 'verification_expired')
      expectEnvelope(await browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`), phoneNumberSchema)
      expect(await server.latestCode(number)).toMatch(/^\d{6}$/)
    })

    it('takes 424242 for Clerk\'s test numbers in development and texts nothing', async () => {
      const { browser } = await signedIn()
      const number = `+1201555${String(100 + Math.floor(Math.random() * 100)).padStart(4, '0')}`
      await ctx.db.kysely.deleteFrom('phone_numbers').where('phone_number', '=', number).execute()
      const { id } = expectEnvelope(await browser.post('/v1/me/phone_numbers', { phone_number: number }), phoneNumberSchema).response
      await browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`)
      expect(await ctx.db.kysely.selectFrom('dev_inbox').select('id').where('to_address', '=', number).execute()).toEqual([])
      expect(expectEnvelope(await browser.post(`/v1/me/phone_numbers/${id}/attempt_verification`, { code: '424242' }), phoneNumberSchema).response.verification?.status).toBe('verified')
    })

    it('refuses other strategies and a second verification', async () => {
      const { server, browser } = await signedIn()
      const id = await addVerifiedPhone(server, browser, uniquePhone())
      expectError(await browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'email_code' }), 400, 'verification_strategy_invalid')
      expectError(await browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' }), 400, 'verification_already_verified')
    })

    it('sends SMS to a custom sender when one is plugged in', async () => {
      const server = createTestServer(ctx.db, PHONES)
      const sent: { to: string, text: string }[] = []
      const { createApp } = await import('../../src/app')
      const app = createApp({ db: ctx.db, config: server.config, clock: server.clock, logger: { info: () => {}, warn: () => {}, error: () => {} }, smsSender: { send: async message => void sent.push(message) } })
      const { TestBrowser } = await import('../helpers/testBrowser')
      const browser = new TestBrowser(app)
      await signUp(server, browser, uniqueEmail())
      const number = uniquePhone()
      const { id } = expectEnvelope(await browser.post('/v1/me/phone_numbers', { phone_number: number }), phoneNumberSchema).response
      await browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`)
      expect(sent).toEqual([{ to: number, code: expect.stringMatching(/^\d{6}$/), text: expect.stringContaining('is your Portico code') }])
      expect(await ctx.db.kysely.selectFrom('dev_inbox').select('id').where('to_address', '=', number).execute()).toEqual([])
    })
  })

  describe('second factor', () => {
    it('reserves a verified number: default, backup codes once, two-factor on', async () => {
      const { server, browser } = await signedIn()
      const id = await addVerifiedPhone(server, browser, uniquePhone())
      const { response, client } = expectEnvelope(await browser.patch(`/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: true }), phoneNumberSchema)
      expect(response).toMatchObject({ reserved_for_second_factor: true, default_second_factor: true })
      expect(response.backup_codes).toHaveLength(10)
      expect(client?.sessions[0]?.user).toMatchObject({ two_factor_enabled: true, totp_enabled: false, backup_code_enabled: true })
      const again = expectEnvelope(await browser.patch(`/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: true }), phoneNumberSchema).response
      expect(again.backup_codes).toBeUndefined()
    })

    it('refuses to reserve an unverified number', async () => {
      const { browser } = await signedIn()
      const { id } = expectEnvelope(await browser.post('/v1/me/phone_numbers', { phone_number: uniquePhone() }), phoneNumberSchema).response
      expectError(await browser.patch(`/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: true }), 422, 'form_param_value_invalid', 'reserved_for_second_factor')
    })

    it('moves the default between reserved numbers, and off a number that is released', async () => {
      const { server, browser } = await signedIn()
      const a = await addVerifiedPhone(server, browser, uniquePhone())
      server.clock.advance(1000)
      const b = await addVerifiedPhone(server, browser, uniquePhone())
      await browser.patch(`/v1/me/phone_numbers/${a}`, { reserved_for_second_factor: true })
      expect(expectEnvelope(await browser.patch(`/v1/me/phone_numbers/${b}`, { reserved_for_second_factor: true }), phoneNumberSchema).response.default_second_factor).toBe(false)
      expectEnvelope(await browser.patch(`/v1/me/phone_numbers/${b}`, { default_second_factor: true }), phoneNumberSchema)
      const defaults = async () => Object.fromEntries((await browser.get('/v1/me')).body.response.phone_numbers.map((phone: { id: string, default_second_factor: boolean }) => [phone.id, phone.default_second_factor]))
      expect(await defaults()).toEqual({ [a]: false, [b]: true })
      await browser.patch(`/v1/me/phone_numbers/${b}`, { reserved_for_second_factor: false })
      expect(await defaults()).toEqual({ [a]: true, [b]: false })
    })

    it('refuses to make an unreserved number the default', async () => {
      const { server, browser } = await signedIn()
      const id = await addVerifiedPhone(server, browser, uniquePhone())
      expectError(await browser.patch(`/v1/me/phone_numbers/${id}`, { default_second_factor: true }), 422, 'form_param_value_invalid', 'default_second_factor')
    })

    it('turns two-factor off (and drops backup codes) when the last reserved number is released', async () => {
      const { server, browser, account } = await signedIn()
      const id = await addVerifiedPhone(server, browser, uniquePhone())
      await browser.patch(`/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: true })
      const { client } = expectEnvelope(await browser.patch(`/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: false }), phoneNumberSchema)
      expect(client?.sessions[0]?.user).toMatchObject({ two_factor_enabled: false, backup_code_enabled: false })
      expect(await ctx.db.kysely.selectFrom('backup_codes').select('id').where('user_id', '=', account.userId).execute()).toEqual([])
    })

    it('is refused when SMS second factors are off', async () => {
      const { server, browser } = await signedIn({ phoneNumbers: { enabled: true }, secondFactors: { phoneCode: false } })
      const id = await addVerifiedPhone(server, browser, uniquePhone())
      expectError(await browser.patch(`/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: true }), 403, 'resource_forbidden')
    })
  })

  describe('gET and DELETE /v1/me/phone_numbers/:id', () => {
    it('reads a number back and removes it', async () => {
      const { server, browser } = await signedIn()
      const id = await addVerifiedPhone(server, browser, uniquePhone())
      await browser.patch(`/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: true })
      expect(expectEnvelope(await browser.get(`/v1/me/phone_numbers/${id}`), phoneNumberSchema).response.id).toBe(id)
      const { response, client } = expectEnvelope(await browser.delete(`/v1/me/phone_numbers/${id}`), deletedObjectSchema)
      expect(response).toEqual({ object: 'phone_number', id, deleted: true })
      expect(client?.sessions[0]?.user).toMatchObject({ phone_numbers: [], two_factor_enabled: false, primary_phone_number_id: null })
      expectError(await browser.get(`/v1/me/phone_numbers/${id}`), 404, 'resource_not_found')
    })

    it('hides another user\'s numbers (404, AZ-3) and changes nothing', async () => {
      const owner = await signedIn()
      const id = await addVerifiedPhone(owner.server, owner.browser, uniquePhone())
      const other = await signedIn()
      expectError(await other.browser.get(`/v1/me/phone_numbers/${id}`), 404, 'resource_not_found')
      expectError(await other.browser.patch(`/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: true }), 404, 'resource_not_found')
      expectError(await other.browser.delete(`/v1/me/phone_numbers/${id}`), 404, 'resource_not_found')
      expectError(await other.browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`), 404, 'resource_not_found')
      const user = expectEnvelope(await owner.browser.get('/v1/me'), userSchema).response
      expect(user.phone_numbers.map(phone => [phone.id, phone.reserved_for_second_factor])).toEqual([[id, false]])
    })

    it('keeps the last verified number when the application requires one', async () => {
      const { server, browser } = await signedIn()
      const id = await addVerifiedPhone(server, browser, uniquePhone())
      // the same account, on a server that requires a phone number
      const strict = createTestServer(ctx.db, { phoneNumbers: { enabled: true, signUp: 'required' } }, server.clock)
      const strictBrowser = strict.browser()
      for (const [name, value] of browser.cookies)
        strictBrowser.cookies.set(name, value)
      expectError(await strictBrowser.delete(`/v1/me/phone_numbers/${id}`), 403, 'resource_forbidden')
      expectEnvelope(await browser.delete(`/v1/me/phone_numbers/${id}`), deletedObjectSchema)
    })
  })
})
