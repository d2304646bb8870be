import type { PorticoConfigInput } from '../../../server/src/config'
import type { ClerkAPIResponseError } from '../../../src/core'
import type { TestClerk, TestServer } from '../../helpers/createTestClerk'
import { decodeJwt, parseSessionClaims } from '../../../src/contract'
import { APP_ORIGIN, createTestServer } from '../../helpers/createTestClerk'
import { signUpTestUser } from '../../helpers/signUpTestUser'

/** Custom roles and permissions the organization tests use besides `org:admin` and `org:member`. */
export const ORGANIZATIONS_CONFIG: PorticoConfigInput['organizations'] = {
  permissions: [{ key: 'org:invoices:create', name: 'Create invoices' }],
  roles: [{ key: 'org:billing', name: 'Billing', permissions: ['org:invoices:create', 'org:sys_memberships:read'] }],
}

/** A server with the test roles, and Ada signed in on it. */
export async function adaSignedIn(config: PorticoConfigInput = {}): Promise<TestClerk & { server: TestServer }> {
  const server = await createTestServer({ ...config, organizations: { ...ORGANIZATIONS_CONFIG, ...config.organizations } })
  return { server, ...await signUpTestUser(server, 'ada@example.com') }
}

/** Ada, admin of "Acme Inc" (active), and Bob, signed in on his own browser but not a member yet. */
export async function adaAndBob(config: PorticoConfigInput = {}) {
  const { server, ...ada } = await adaSignedIn(config)
  const org = await ada.clerk.createOrganization({ name: 'Acme Inc' })
  await ada.clerk.setActive({ organization: org.id })
  const bob = await signUpTestUser(server, 'bob@example.com')
  return { server, ada, bob, org: ada.clerk.organization!, bobId: bob.clerk.user!.id }
}

/** The organization claims of the session's current token. */
export async function tokenOrganization(test: TestClerk): Promise<{ orgId: string | null, orgRole: string | null, orgSlug: string | null }> {
  const jwt = await test.clerk.session!.getToken()
  const { orgId, orgRole, orgSlug } = parseSessionClaims(decodeJwt(jwt!).claims)
  return { orgId, orgRole, orgSlug }
}

/** Every message the dev inbox holds for `to`, oldest first. */
export async function inbox(server: TestServer, to: string): Promise<{ subject: string, body: string }[]> {
  const response = await server.app.fetch(new Request(`${APP_ORIGIN}/dev/inbox.json`))
  const { messages } = await response.json() as { messages: { to: string, subject: string, body: string }[] }
  return messages.filter(message => message.to === to)
}

/** Runs `action` and returns the `ClerkAPIResponseError` it rejects with (fails the test when it resolves). */
export async function apiError(action: () => Promise<unknown>): Promise<ClerkAPIResponseError> {
  const outcome = await action().then(() => undefined, (error: unknown) => error)
  if (!outcome)
    throw new Error('expected the call to fail')
  return outcome as ClerkAPIResponseError
}
