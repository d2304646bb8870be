import type { TestClerk, TestClerkOptions, TestServer } from './createTestClerk'
import { createTestClerk } from './createTestClerk'

/** A password the server's policy accepts (long, not a common one). */
export const TEST_PASSWORD = 'violet-Harbor-lantern-42'

/**
 * Signs a new user up through the SDK (email + password, email code from the dev inbox) and makes
 * the new session active: the quickest way for a test to start signed in.
 */
export async function signUpTestUser(server: TestServer, email: string, options: TestClerkOptions & { password?: string } = {}): Promise<TestClerk> {
  const { password = TEST_PASSWORD, ...clerkOptions } = options
  const test = createTestClerk(server, clerkOptions)
  const { clerk } = test
  await clerk.load()
  const signUp = clerk.client!.signUp
  await signUp.create({ emailAddress: email, password })
  await signUp.prepareEmailAddressVerification()
  await signUp.attemptEmailAddressVerification({ code: await server.latestCode(email) })
  await clerk.setActive({ session: signUp.createdSessionId })
  return test
}
