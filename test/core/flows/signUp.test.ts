// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { decodeJwt } from '../../../src/contract'
import { ClerkAPIResponseError } from '../../../src/core'
import { createTestClerk, createTestServer } from '../../helpers/createTestClerk'
import { TEST_PASSWORD } from '../../helpers/signUpTestUser'

async function loadedClerk() {
  const server = await createTestServer()
  const test = createTestClerk(server)
  await test.clerk.load()
  return { server, ...test }
}

describe('sign-up with an email code', () => {
  it('creates the user, verifies the email and signs in with setActive', async () => {
    const { server, clerk } = await loadedClerk()
    const signUp = clerk.client!.signUp
    const created = await signUp.create({ emailAddress: 'ada@example.com', password: TEST_PASSWORD })
    expect(created).toBe(signUp)
    expect(signUp.status).toBe('missing_requirements')
    expect(signUp.unverifiedFields).toEqual(['email_address'])

    await signUp.prepareEmailAddressVerification()
    expect(signUp.verifications.emailAddress.nextAction).toBe('needs_attempt')

    await signUp.attemptEmailAddressVerification({ code: await server.latestCode('ada@example.com') })
    expect(signUp.status).toBe('complete')
    expect(signUp.createdUserId).toMatch(/^user_/)
    expect(signUp.createdSessionId).toMatch(/^sess_/)

    await clerk.setActive({ session: signUp.createdSessionId })
    expect(clerk.isSignedIn).toBe(true)
    expect(clerk.session?.id).toBe(signUp.createdSessionId)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com')
    expect(clerk.user?.passwordEnabled).toBe(true)
  })

  it('yields a session token for the new session', async () => {
    const { server, clerk } = await loadedClerk()
    const signUp = clerk.client!.signUp
    await signUp.create({ emailAddress: 'grace@example.com', password: TEST_PASSWORD })
    await signUp.prepareEmailAddressVerification()
    await signUp.attemptEmailAddressVerification({ code: await server.latestCode('grace@example.com') })
    await clerk.setActive({ session: signUp.createdSessionId })
    const jwt = await clerk.session!.getToken()
    expect(decodeJwt(jwt!).claims).toMatchObject({ sid: signUp.createdSessionId, sub: clerk.user!.id })
  })

  it('shows the new state on the client too (the piggybacked client)', async () => {
    const { clerk } = await loadedClerk()
    await clerk.client!.signUp.create({ emailAddress: 'lin@example.com', password: TEST_PASSWORD })
    expect(clerk.client!.signUp.emailAddress).toBe('lin@example.com')
    expect(clerk.client!.id).toMatch(/^client_/)
  })

  it('rejects a wrong code with form_code_incorrect', async () => {
    const { clerk } = await loadedClerk()
    const signUp = clerk.client!.signUp
    await signUp.create({ emailAddress: 'bob@example.com', password: TEST_PASSWORD })
    await signUp.prepareEmailAddressVerification()
    const error = await signUp.attemptEmailAddressVerification({ code: '000000' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect((error as ClerkAPIResponseError).status).toBe(422)
    expect((error as ClerkAPIResponseError).errors[0]?.code).toBe('form_code_incorrect')
    expect(signUp.status).toBe('missing_requirements')
  })

  it('rejects a taken email with form_identifier_exists', async () => {
    const { server, clerk } = await loadedClerk()
    const first = clerk.client!.signUp
    await first.create({ emailAddress: 'taken@example.com', password: TEST_PASSWORD })
    await first.prepareEmailAddressVerification()
    await first.attemptEmailAddressVerification({ code: await server.latestCode('taken@example.com') })

    const other = createTestClerk(server)
    await other.clerk.load()
    const error = await other.clerk.client!.signUp.create({ emailAddress: 'taken@example.com', password: TEST_PASSWORD }).catch((e: unknown) => e)
    expect((error as ClerkAPIResponseError).errors[0]?.code).toBe('form_identifier_exists')
    expect((error as ClerkAPIResponseError).errors[0]?.meta?.paramName).toBe('email_address')
  })

  it('rejects a common password', async () => {
    const { clerk } = await loadedClerk()
    const error = await clerk.client!.signUp.create({ emailAddress: 'weak@example.com', password: 'password123' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect((error as ClerkAPIResponseError).errors[0]?.code).toMatch(/^form_password_/)
  })
})
