// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ClerkAPIResponseError } from '../../../src/core'
import { createSecondFactorServer, enrollAuthenticator, serverClock, totpCode } from '../../helpers/secondFactorTestKit'
import { signUpTestUser } from '../../helpers/signUpTestUser'

async function signedIn() {
  const server = await createSecondFactorServer()
  const test = await signUpTestUser(server, 'ada@example.com')
  return { server, clock: serverClock(server), ...test }
}

// enrolling hashes ten backup codes with argon2id: slow when the whole suite shares two cores
describe('authenticator app (TOTP) through the SDK', { timeout: 30_000 }, () => {
  it('starts an enrolment with a base32 secret and its otpauth URI', async () => {
    const { clerk } = await signedIn()
    const totp = await clerk.user!.createTOTP()
    expect(totp.verified).toBe(false)
    expect(totp.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(totp.uri).toMatch(/^otpauth:\/\/totp\//)
    expect(new URL(totp.uri!).searchParams.get('secret')).toBe(totp.secret)
    expect(totp.createdAt).toBeInstanceOf(Date)
    expect(clerk.user!.totpEnabled).toBe(false)
  })

  it('verifies with a code computed from the secret and hands out backup codes once', async () => {
    const { clerk, clock } = await signedIn()
    const created = await clerk.user!.createTOTP()
    const verified = await clerk.user!.verifyTOTP({ code: totpCode(created.secret!, clock.now()) })
    expect(verified.verified).toBe(true)
    expect(verified.secret).toBeUndefined()
    expect(verified.backupCodes).toHaveLength(10)
    expect(clerk.user!.totpEnabled).toBe(true)
    expect(clerk.user!.twoFactorEnabled).toBe(true)
    expect(clerk.user!.backupCodeEnabled).toBe(true)
  })

  it('refuses a wrong code at the code field', async () => {
    const { clerk, clock } = await signedIn()
    const created = await clerk.user!.createTOTP()
    const wrong = String((Number(totpCode(created.secret!, clock.now())) + 1) % 1_000_000).padStart(6, '0')
    const error = await clerk.user!.verifyTOTP({ code: wrong }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect((error as ClerkAPIResponseError).errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { paramName: 'code' } })
    expect(clerk.user!.totpEnabled).toBe(false)
  })

  it('replaces an unverified enrolment with a new secret', async () => {
    const { clerk } = await signedIn()
    const first = await clerk.user!.createTOTP()
    const second = await clerk.user!.createTOTP()
    expect(second.secret).not.toBe(first.secret)
  })

  it('disables the authenticator app and the second factor with it', async () => {
    const { clerk, clock } = await signedIn()
    await enrollAuthenticator(clerk, clock)
    const deleted = await clerk.user!.disableTOTP()
    expect(deleted).toMatchObject({ object: 'totp', deleted: true })
    expect(clerk.user!.totpEnabled).toBe(false)
    expect(clerk.user!.twoFactorEnabled).toBe(false)
  })
})

describe('backup codes through the SDK', { timeout: 30_000 }, () => {
  it('creates a new set that replaces the codes of the enrolment', async () => {
    const { clerk, clock } = await signedIn()
    const { backupCodes } = await enrollAuthenticator(clerk, clock)
    const fresh = await clerk.user!.createBackupCode()
    expect(fresh.codes).toHaveLength(10)
    expect(fresh.codes.some(code => backupCodes.includes(code))).toBe(false)
    expect(fresh.id).toBeTruthy()
  })

  it('are refused while the user has no second factor', async () => {
    const { clerk } = await signedIn()
    const error = await clerk.user!.createBackupCode().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect((error as ClerkAPIResponseError).status).toBe(403)
  })
})
