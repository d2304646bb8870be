// @vitest-environment node
// The whole SDK core against the real server with NODE_ENV=production, as an app's production bundle
// runs it: answers are read by their outer shape (no zod), and every flow still works.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decodeJwt } from '../../../src/contract'
import { createTestClerk, createTestServer } from '../../helpers/createTestClerk'
import { TEST_PASSWORD } from '../../helpers/signUpTestUser'

describe('the core in a production build', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production')
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('signs up, verifies the email, signs in, reads a token and signs out', async () => {
    const server = await createTestServer()
    const { clerk } = createTestClerk(server)
    await clerk.load()
    expect(clerk.environment?.userSettings.attributes.email_address?.enabled).toBe(true)

    const signUp = clerk.client!.signUp
    await signUp.create({ emailAddress: 'prod@example.com', password: TEST_PASSWORD })
    await signUp.prepareEmailAddressVerification()
    await signUp.attemptEmailAddressVerification({ code: await server.latestCode('prod@example.com') })
    await clerk.setActive({ session: signUp.createdSessionId })
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('prod@example.com')
    expect(clerk.user?.organizationMemberships).toEqual([])
    expect(decodeJwt((await clerk.session!.getToken())!).claims.sub).toBe(clerk.user!.id)

    await clerk.signOut()
    expect(clerk.isSignedIn).toBe(false)
    const signIn = await clerk.client!.signIn.create({ identifier: 'prod@example.com', password: TEST_PASSWORD })
    expect(signIn.status).toBe('complete')
    await clerk.setActive({ session: signIn.createdSessionId })
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('prod@example.com')
  })

  it('still maps a wrong password to the server\'s error', async () => {
    const server = await createTestServer()
    const { clerk } = createTestClerk(server)
    await clerk.load()
    const signUp = clerk.client!.signUp
    await signUp.create({ emailAddress: 'wrong@example.com', password: TEST_PASSWORD })
    await signUp.prepareEmailAddressVerification()
    await signUp.attemptEmailAddressVerification({ code: await server.latestCode('wrong@example.com') })
    await clerk.signOut()
    const error = await clerk.client!.signIn.create({ identifier: 'wrong@example.com', password: `${TEST_PASSWORD}-nope` }).catch((error: unknown) => error)
    expect((error as { errors?: { code: string }[] }).errors?.[0]?.code).toBe('form_password_incorrect')
  })
})
