// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ClerkAPIResponseError } from '../../../src/core'
import { createTestClerk, createTestServer } from '../../helpers/createTestClerk'
import { signUpTestUser, TEST_PASSWORD } from '../../helpers/signUpTestUser'

/** A server with one user (signed up in another browser, then signed out) and a fresh loaded Clerk. */
async function withUser(email = 'ada@example.com') {
  const server = await createTestServer()
  const other = await signUpTestUser(server, email)
  await other.clerk.signOut()
  const test = createTestClerk(server)
  await test.clerk.load()
  return { server, email, ...test }
}

function codeError(error: unknown): string | undefined {
  return error instanceof ClerkAPIResponseError ? error.errors[0]?.code : undefined
}

describe('sign-in', () => {
  it('completes with identifier and password in one call', async () => {
    const { clerk, email } = await withUser()
    const signIn = clerk.client!.signIn
    const result = await signIn.create({ identifier: email, password: TEST_PASSWORD })
    expect(result).toBe(signIn)
    expect(signIn.status).toBe('complete')
    await clerk.setActive({ session: signIn.createdSessionId })
    expect(clerk.isSignedIn).toBe(true)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe(email)
  })

  it('completes with the password as a first factor', async () => {
    const { clerk, email } = await withUser()
    const signIn = clerk.client!.signIn
    await signIn.create({ identifier: email })
    expect(signIn.status).toBe('needs_first_factor')
    expect(signIn.supportedFirstFactors?.map(f => f.strategy)).toContain('password')
    await signIn.attemptFirstFactor({ strategy: 'password', password: TEST_PASSWORD })
    expect(signIn.status).toBe('complete')
  })

  it('completes with an email code', async () => {
    const { server, clerk, email } = await withUser()
    const signIn = clerk.client!.signIn
    await signIn.create({ identifier: email })
    const factor = signIn.supportedFirstFactors!.find(f => f.strategy === 'email_code')!
    expect(factor.safeIdentifier).toBeTruthy()
    await signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId: factor.emailAddressId })
    expect(signIn.firstFactorVerification.status).toBe('unverified')
    await signIn.attemptFirstFactor({ strategy: 'email_code', code: await server.latestCode(email) })
    expect(signIn.status).toBe('complete')
    await clerk.setActive({ session: signIn.createdSessionId })
    expect(clerk.isSignedIn).toBe(true)
  })

  it('resets a forgotten password and signs in with the new one', async () => {
    const { server, clerk, email } = await withUser()
    const signIn = clerk.client!.signIn
    await signIn.create({ identifier: email })
    const factor = signIn.supportedFirstFactors!.find(f => f.strategy === 'reset_password_email_code')!
    await signIn.prepareFirstFactor({ strategy: factor.strategy, emailAddressId: factor.emailAddressId })
    await signIn.attemptFirstFactor({ strategy: 'reset_password_email_code', code: await server.latestCode(email) })
    expect(signIn.status).toBe('needs_new_password')
    await signIn.resetPassword({ password: 'a-brand-new-Passphrase-7' })
    expect(signIn.status).toBe('complete')
    await clerk.setActive({ session: signIn.createdSessionId })
    await clerk.signOut()

    const again = clerk.client!.signIn
    await expect(again.create({ identifier: email, password: TEST_PASSWORD })).rejects.toThrow(ClerkAPIResponseError)
    await clerk.client!.signIn.create({ identifier: email, password: 'a-brand-new-Passphrase-7' })
    expect(clerk.client!.signIn.status).toBe('complete')
  })

  it('fails a wrong password with form_password_incorrect', async () => {
    const { clerk, email } = await withUser()
    const error = await clerk.client!.signIn.create({ identifier: email, password: 'not-the-Password-9' }).catch((e: unknown) => e)
    expect(codeError(error)).toBe('form_password_incorrect')
    expect((error as ClerkAPIResponseError).status).toBe(422)
  })

  it('fails an unknown identifier with form_identifier_not_found', async () => {
    const { clerk } = await withUser()
    const error = await clerk.client!.signIn.create({ identifier: 'nobody@example.com' }).catch((e: unknown) => e)
    expect(codeError(error)).toBe('form_identifier_not_found')
    expect((error as ClerkAPIResponseError).errors[0]?.meta?.paramName).toBe('identifier')
  })

  it('fails a wrong email code with form_code_incorrect', async () => {
    const { clerk, email } = await withUser()
    const signIn = clerk.client!.signIn
    await signIn.create({ identifier: email })
    const factor = signIn.supportedFirstFactors!.find(f => f.strategy === 'email_code')!
    await signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId: factor.emailAddressId })
    const error = await signIn.attemptFirstFactor({ strategy: 'email_code', code: '000000' }).catch((e: unknown) => e)
    expect(codeError(error)).toBe('form_code_incorrect')
  })

  it('refuses a second sign-in in single-session mode with session_exists', async () => {
    const { clerk, email } = await withUser()
    await clerk.client!.signIn.create({ identifier: email, password: TEST_PASSWORD })
    await clerk.setActive({ session: clerk.client!.signIn.createdSessionId })
    const error = await clerk.client!.signIn.create({ identifier: email, password: TEST_PASSWORD }).catch((e: unknown) => e)
    expect(codeError(error)).toBe('session_exists')
  })
})
