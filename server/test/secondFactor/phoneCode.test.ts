import { expect, it } from 'vitest'
import { signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { addVerifiedPhone, enrollTotp, totpCode, uniquePhone } from '../helpers/secondFactorFlows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

const PHONES = { phoneNumbers: { enabled: true } }

describeEachDb('second factor: SMS code at sign-in', (ctx) => {
  /** A user with one or two numbers reserved for second factor, signed out, at the second factor in a fresh browser. */
  async function atSecondFactor({ numbers = 1, totp = false } = {}) {
    const server = createTestServer(ctx.db, PHONES)
    const email = uniqueEmail()
    const owner = server.browser()
    await signUp(server, owner, email)
    const phones: { id: string, number: string }[] = []
    for (let i = 0; i < numbers; i++) {
      const number = uniquePhone()
      const id = await addVerifiedPhone(server, owner, number)
      expect((await owner.patch(`/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: true })).status).toBe(200)
      phones.push({ id, number })
      server.clock.advance(1000)
    }
    const app = totp ? await enrollTotp(server, owner) : undefined
    await owner.delete('/v1/client/sessions')
    const browser = server.browser()
    const { response } = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD }), signInSchema)
    expect(response.status).toBe('needs_second_factor')
    return { server, browser, id: response.id, phones, app, signIn: response }
  }

  it('lists each reserved number masked, the default one marked', async () => {
    const { signIn, phones } = await atSecondFactor({ numbers: 2 })
    expect(signIn.supported_second_factors).toEqual([
      { strategy: 'phone_code', safe_identifier: `+*********${phones[0]!.number.slice(-2)}`, phone_number_id: phones[0]!.id, default: true },
      { strategy: 'phone_code', safe_identifier: `+*********${phones[1]!.number.slice(-2)}`, phone_number_id: phones[1]!.id, default: false },
      { strategy: 'backup_code' },
    ])
    expect(JSON.stringify(signIn)).not.toContain(phones[0]!.number)
  })

  it('texts a code to the default number and completes with it', async () => {
    const { server, browser, id, phones } = await atSecondFactor()
    const prepared = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' }), signInSchema).response
    expect(prepared).toMatchObject({ status: 'needs_second_factor', second_factor_verification: { status: 'unverified', strategy: 'phone_code', attempts: 0 } })
    const code = await server.latestCode(phones[0]!.number)
    const { response, client } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'phone_code', code }), signInSchema)
    expect(response.status).toBe('complete')
    expect(client?.sessions[0]?.factor_verification_age).toEqual([0, 0])
  })

  it('texts the number named by phone_number_id', async () => {
    const { server, browser, id, phones } = await atSecondFactor({ numbers: 2 })
    expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code', phone_number_id: phones[1]!.id }), signInSchema)
    const code = await server.latestCode(phones[1]!.number)
    expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'phone_code', code }), signInSchema).response.status).toBe('complete')
  })

  it('refuses a number that is not reserved for second factor', async () => {
    const { browser, id } = await atSecondFactor()
    expectError(await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code', phone_number_id: 'idn_unknown' }), 422, 'form_param_value_invalid', 'phone_number_id')
  })

  it('needs a prepare before an SMS code attempt', async () => {
    const { browser, id } = await atSecondFactor()
    expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'phone_code', code: '123456' }), 400, 'verification_not_sent')
  })

  it('keeps counting wrong codes across resends (MF-3): a resend does not buy more guesses', async () => {
    const { server, browser, id, phones } = await atSecondFactor()
    await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' })
    const first = await server.latestCode(phones[0]!.number)
    for (let i = 0; i < 3; i++)
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'phone_code', code: first === '000000' ? '111111' : '000000' }), 422, 'form_code_incorrect')
    server.clock.advance(30_000)
    const resent = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' }), signInSchema).response
    expect(resent.second_factor_verification?.attempts).toBe(3)
    const code = await server.latestCode(phones[0]!.number)
    const wrong = code === '000000' ? '111111' : '000000'
    expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'phone_code', code: wrong }), 422, 'form_code_incorrect')
    expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'phone_code', code: wrong }), 400, 'verification_failed')
    expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'phone_code', code }), 400, 'verification_failed')
    expectError(await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' }), 400, 'verification_failed')
  })

  it('limits SMS resends to one per 30 seconds', async () => {
    const { browser, id } = await atSecondFactor()
    await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' })
    const res = await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' })
    expectError(res, 429, 'verification_code_too_many_requests')
    expect(res.headers.get('retry-after')).toBe('30')
  })

  it('counts wrong codes of every strategy in one challenge, and lets the user switch', async () => {
    const { server, browser, id, phones, app } = await atSecondFactor({ totp: true })
    const right = totpCode(app!.secret, server.clock())
    for (let i = 0; i < 2; i++)
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: right === '000000' ? '111111' : '000000' }), 422, 'form_code_incorrect')
    const prepared = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' }), signInSchema).response
    expect(prepared.second_factor_verification).toMatchObject({ strategy: 'phone_code', attempts: 2 })
    const code = await server.latestCode(phones[0]!.number)
    expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'phone_code', code }), signInSchema).response.status).toBe('complete')
  })

  it('lists the authenticator app first when the user has both', async () => {
    const { signIn } = await atSecondFactor({ totp: true })
    expect(signIn.supported_second_factors?.map(factor => factor.strategy)).toEqual(['totp', 'phone_code', 'backup_code'])
  })

  it('expires an SMS code with the challenge', async () => {
    const { server, browser, id, phones } = await atSecondFactor()
    server.clock.advance(9 * 60_000)
    const prepared = expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/prepare_second_factor`, { strategy: 'phone_code' }), signInSchema).response
    expect(prepared.second_factor_verification?.expire_at).toBe(server.clock() + 60_000)
    const code = await server.latestCode(phones[0]!.number)
    server.clock.advance(60_000)
    expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'phone_code', code }), 400, 'verification_expired')
  })
})
