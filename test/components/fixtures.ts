import type { PorticoConfigInput } from '../../server/src/config'
import type { Clerk } from '../../src/core'
import type { TestClerkOptions } from '../helpers/createTestClerk'
import { createTestClerk, createTestServer } from '../helpers/createTestClerk'
import { signUpTestUser, TEST_PASSWORD } from '../helpers/signUpTestUser'

/**
 * A server with users signed up (each in its own browser, then signed out) and a fresh, unloaded
 * Clerk; `clerkOptions` go to that Clerk (e.g. `{ window }` so it reads the page's `redirect_url`).
 */
export async function withUsers(emails: string[] = ['ada@example.com'], config: PorticoConfigInput = {}, clerkOptions: TestClerkOptions = {}) {
  const server = await createTestServer(config)
  for (const email of emails) {
    const other = await signUpTestUser(server, email)
    await other.clerk.signOut()
  }
  return { server, email: emails[0]!, ...createTestClerk(server, clerkOptions) }
}

/** Signs `email` in on `clerk` through the SDK (loading it first) and makes the session active. */
export async function signInWithSdk(clerk: Clerk, email: string, password = TEST_PASSWORD): Promise<void> {
  await clerk.load()
  const signIn = clerk.client!.signIn
  await signIn.create({ identifier: email, password })
  await clerk.setActive({ session: signIn.createdSessionId })
}
