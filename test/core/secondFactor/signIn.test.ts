// @vitest-environment node
import type { Clerk } from '../../../src/core'
import { describe, expect, it } from 'vitest'
import { ClerkAPIResponseError } from '../../../src/core'
import { createTestClerk } from '../../helpers/createTestClerk'
import { createSecondFactorServer, serverClock, signUpWithSecondFactors, totpCode } from '../../helpers/secondFactorTestKit'
import { TEST_PASSWORD } from '../../helpers/signUpTestUser'

const EMAIL = 'ada@example.com'

/** A user with an authenticator app (and a reserved phone when asked), signed out; plus a fresh Clerk to sign in with. */
async function enrolled(options: { phone?: boolean } = {}) {
  const server = await createSecondFactorServer()
  const clock = serverClock(server)
  const user = await signUpWithSecondFactors(server, clock, EMAIL, options)
  const { clerk } = createTestClerk(server)
  await clerk.load()
  return { server, clock, clerk, ...user }
}

async function passFirstFactor(clerk: Clerk) {
  const signIn = await clerk.client!.signIn.create({ identifier: EMAIL, password: TEST_PASSWORD })
  expect(signIn.status).toBe('needs_second_factor')
  return signIn
}

async function errorOf(promise: Promise<unknown>): Promise<ClerkAPIResponseError> {
  const error = await promise.catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ClerkAPIResponseError)
  return error as ClerkAPIResponseError
}

// enrolling hashes backup codes with argon2id, and backup codes are checked against their hashes
describe('signing in with a second factor through the SDK', { timeout: 30_000 }, () => {
  it('stops after the password: needs_second_factor, the factors offered, and no session', async () => {
    const { clerk } = await enrolled({ phone: true })
    const signIn = await passFirstFactor(clerk)
    expect(signIn.supportedSecondFactors?.map(factor => factor.strategy)).toEqual(['totp', 'phone_code', 'backup_code'])
    expect(signIn.supportedSecondFactors?.[1]).toMatchObject({ strategy: 'phone_code', default: true, safeIdentifier: expect.stringMatching(/\*/) })
    expect(signIn.createdSessionId).toBeNull()
    expect(clerk.client!.sessions).toEqual([])
    expect(clerk.session).toBeNull()
  })

  it('completes with a code computed from the authenticator secret', async () => {
    const { clerk, clock, secret } = await enrolled()
    const signIn = await passFirstFactor(clerk)
    await signIn.attemptSecondFactor({ strategy: 'totp', code: totpCode(secret, clock.now()) })
    expect(signIn.status).toBe('complete')
    expect(signIn.secondFactorVerification).toMatchObject({ status: 'verified', strategy: 'totp' })
    await clerk.setActive({ session: signIn.createdSessionId })
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe(EMAIL)
  })

  it('refuses a wrong authenticator code at the code field, then still takes the right one', async () => {
    const { clerk, clock, secret } = await enrolled()
    const signIn = await passFirstFactor(clerk)
    const right = totpCode(secret, clock.now())
    const error = await errorOf(signIn.attemptSecondFactor({ strategy: 'totp', code: right === '123456' ? '654321' : '123456' }))
    expect(error.status).toBe(422)
    expect(error.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { paramName: 'code' } })
    expect(clerk.client!.sessions).toEqual([])
    await signIn.attemptSecondFactor({ strategy: 'totp', code: right })
    expect(signIn.status).toBe('complete')
  })

  it('texts a code to the default number and completes with it', async () => {
    const { clerk, server, phoneNumber } = await enrolled({ phone: true })
    const signIn = await passFirstFactor(clerk)
    const factor = signIn.supportedSecondFactors!.find(candidate => candidate.strategy === 'phone_code')!
    await signIn.prepareSecondFactor(factor)
    expect(signIn.secondFactorVerification).toMatchObject({ status: 'unverified', strategy: 'phone_code' })
    expect(signIn.secondFactorVerification.expireAt).toBeInstanceOf(Date)
    await signIn.attemptSecondFactor({ strategy: 'phone_code', code: await server.latestCode(phoneNumber!) })
    expect(signIn.status).toBe('complete')
  })

  it('refuses an SMS code that was never sent', async () => {
    const { clerk } = await enrolled({ phone: true })
    const signIn = await passFirstFactor(clerk)
    const error = await errorOf(signIn.attemptSecondFactor({ strategy: 'phone_code', code: '123456' }))
    expect(error.errors[0]?.code).toBe('verification_not_sent')
  })

  it('accepts a backup code once', async () => {
    const { clerk, backupCodes } = await enrolled()
    const first = await passFirstFactor(clerk)
    await first.attemptSecondFactor({ strategy: 'backup_code', code: backupCodes[0]! })
    expect(first.status).toBe('complete')
    await clerk.setActive({ session: first.createdSessionId })
    await clerk.signOut()

    const again = await passFirstFactor(clerk)
    const error = await errorOf(again.attemptSecondFactor({ strategy: 'backup_code', code: backupCodes[0]! }))
    expect(error.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { paramName: 'code' } })
    await again.attemptSecondFactor({ strategy: 'backup_code', code: backupCodes[1]! })
    expect(again.status).toBe('complete')
  })

  it('refuses a strategy the user does not have', async () => {
    const { clerk } = await enrolled()
    const signIn = await passFirstFactor(clerk)
    const error = await errorOf(signIn.attemptSecondFactor({ strategy: 'phone_code', code: '123456' }))
    expect(error.errors[0]?.code).toBe('strategy_for_user_invalid')
  })

  it('ends the attempt after five wrong codes: even the right one is refused then', async () => {
    const { clerk, clock, secret } = await enrolled()
    const signIn = await passFirstFactor(clerk)
    const right = totpCode(secret, clock.now())
    const wrong = right === '123456' ? '654321' : '123456'
    const codes: string[] = []
    for (let i = 0; i < 5; i++)
      codes.push((await errorOf(signIn.attemptSecondFactor({ strategy: 'totp', code: wrong }))).errors[0]!.code)
    expect(codes.slice(0, 4)).toEqual(Array.from({ length: 4 }).fill('form_code_incorrect'))
    expect(codes[4]).toBe('verification_failed')
    const error = await errorOf(signIn.attemptSecondFactor({ strategy: 'totp', code: right }))
    expect(error.errors[0]?.code).toBe('verification_failed')
    expect(clerk.client!.sessions).toEqual([])
  })
})
