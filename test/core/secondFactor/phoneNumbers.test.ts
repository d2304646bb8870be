// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ClerkAPIResponseError } from '../../../src/core'
import { createSecondFactorServer, uniquePhone } from '../../helpers/secondFactorTestKit'
import { signUpTestUser } from '../../helpers/signUpTestUser'

async function signedIn() {
  const server = await createSecondFactorServer()
  const test = await signUpTestUser(server, 'ada@example.com')
  return { server, ...test }
}

async function verifiedPhone(test: Awaited<ReturnType<typeof signedIn>>, number = uniquePhone()) {
  const phone = await test.clerk.user!.createPhoneNumber({ phoneNumber: number })
  await phone.prepareVerification()
  await phone.attemptVerification({ code: await test.server.latestCode(number) })
  return phone
}

// reserving a number hashes ten backup codes with argon2id: slow when the whole suite shares two cores
describe('phone numbers through the SDK', { timeout: 30_000 }, () => {
  it('adds an unverified number and lists it on the user', async () => {
    const { clerk } = await signedIn()
    const number = uniquePhone()
    const phone = await clerk.user!.createPhoneNumber({ phoneNumber: number })
    expect(phone.phoneNumber).toBe(number)
    expect(`${phone}`).toBe(number)
    expect(phone.verification.verified).toBe(false)
    expect(clerk.user!.phoneNumbers.map(p => p.id)).toEqual([phone.id])
  })

  it('verifies a number with the SMS code from the dev inbox', async () => {
    const test = await signedIn()
    const phone = await verifiedPhone(test)
    expect(phone.verification.status).toBe('verified')
    expect(test.clerk.user!.hasVerifiedPhoneNumber).toBe(true)
  })

  it('refuses a wrong SMS code at the code field', async () => {
    const { clerk, server } = await signedIn()
    const number = uniquePhone()
    const phone = await clerk.user!.createPhoneNumber({ phoneNumber: number })
    await phone.prepareVerification()
    const right = await server.latestCode(number)
    const wrong = right === '000000' ? '111111' : '000000'
    const error = await phone.attemptVerification({ code: wrong }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect((error as ClerkAPIResponseError).errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { paramName: 'code' } })
  })

  it('reserves a verified number for second factor: default, backup codes once, two-factor on', async () => {
    const test = await signedIn()
    const phone = await verifiedPhone(test)
    await phone.setReservedForSecondFactor({ reserved: true })
    expect(phone.reservedForSecondFactor).toBe(true)
    expect(phone.defaultSecondFactor).toBe(true)
    expect(phone.backupCodes).toHaveLength(10)
    expect(test.clerk.user!.twoFactorEnabled).toBe(true)
  })

  it('hands out no new backup codes when the user already has some', async () => {
    const test = await signedIn()
    await (await verifiedPhone(test)).setReservedForSecondFactor({ reserved: true })
    const second = await verifiedPhone(test)
    await second.setReservedForSecondFactor({ reserved: true })
    expect(second.reservedForSecondFactor).toBe(true)
    expect(second.backupCodes).toBeUndefined()
  })

  it('moves the default second factor to another reserved number', async () => {
    const test = await signedIn()
    const first = await verifiedPhone(test)
    const second = await verifiedPhone(test)
    await first.setReservedForSecondFactor({ reserved: true })
    await second.setReservedForSecondFactor({ reserved: true })
    expect(second.defaultSecondFactor).toBe(false)
    await second.makeDefaultSecondFactor()
    expect(second.defaultSecondFactor).toBe(true)
    const mine = test.clerk.user!.phoneNumbers
    expect(mine.find(p => p.id === first.id)?.defaultSecondFactor).toBe(false)
  })

  it('stops sending second-factor codes when unreserved, and removes the number', async () => {
    const test = await signedIn()
    const phone = await verifiedPhone(test)
    await phone.setReservedForSecondFactor({ reserved: true })
    await phone.setReservedForSecondFactor({ reserved: false })
    expect(test.clerk.user!.twoFactorEnabled).toBe(false)
    await phone.destroy()
    expect(test.clerk.user!.phoneNumbers).toEqual([])
  })

  it('refuses to reserve an unverified number', async () => {
    const { clerk } = await signedIn()
    const phone = await clerk.user!.createPhoneNumber({ phoneNumber: uniquePhone() })
    const error = await phone.setReservedForSecondFactor({ reserved: true }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect((error as ClerkAPIResponseError).errors[0]?.code).toBe('form_param_value_invalid')
  })

  it('refuses a number that is not a phone number at the phone_number field', async () => {
    const { clerk } = await signedIn()
    const error = await clerk.user!.createPhoneNumber({ phoneNumber: '12' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect((error as ClerkAPIResponseError).errors[0]?.meta?.paramName).toBe('phone_number')
  })
})
