import type { OrganizationJSON } from '../../src/contract'
import type { TestBrowser } from '../helpers/testBrowser'
import type { TestServer } from '../helpers/testServer'
import { expect } from 'vitest'
import { organizationMembershipSchema, organizationSchema } from '../../src/contract'
import { signUp } from '../helpers/flows'
import { uniqueEmail } from '../helpers/testServer'
import { expectEnvelope } from '../helpers/wire'

/** A signed-up user with their own browser. */
export interface Person {
  browser: TestBrowser
  userId: string
  sessionId: string
  email: string
}

/** Signs a new user up in a new browser. */
export async function person(server: TestServer, prefix = 'user'): Promise<Person> {
  const browser = server.browser()
  const email = uniqueEmail(prefix)
  const { userId, sessionId } = await signUp(server, browser, email)
  return { browser, userId, sessionId, email }
}

/** A slug no other test uses (suites share a database). */
export function uniqueSlug(prefix = 'org'): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`
}

/** Creates an organization as `creator` and returns its JSON. */
export async function createOrganization(creator: Person, name = 'Acme', slug = uniqueSlug()): Promise<OrganizationJSON> {
  return expectEnvelope(await creator.browser.post('/v1/organizations', { name, slug }), organizationSchema).response
}

/** Adds a user to an organization through its admin. */
export async function addMember(admin: Person, organizationId: string, userId: string, role = 'org:member'): Promise<void> {
  const res = await admin.browser.post(`/v1/organizations/${organizationId}/memberships`, { user_id: userId, role })
  expectEnvelope(res, organizationMembershipSchema)
}

/** An organization with an admin (its creator), a member, and an outsider who belongs elsewhere. */
export interface OrgFixture {
  org: OrganizationJSON
  admin: Person
  member: Person
  outsider: Person
  /** The outsider's own organization. */
  otherOrg: OrganizationJSON
}

/** Builds the usual cast: org A (admin + member) and org B (outsider). */
export async function orgFixture(server: TestServer): Promise<OrgFixture> {
  const [admin, member, outsider] = [await person(server, 'admin'), await person(server, 'member'), await person(server, 'outsider')]
  const org = await createOrganization(admin, 'Acme')
  // members list oldest first: keep the two memberships a second apart
  server.clock.advance(1000)
  await addMember(admin, org.id, member.userId)
  const otherOrg = await createOrganization(outsider, 'Globex')
  expect(org.id).not.toBe(otherOrg.id)
  return { org, admin, member, outsider, otherOrg }
}

/** The latest message the dev inbox holds for an address. */
export async function latestMail(server: TestServer, to: string): Promise<{ subject: string, body: string }> {
  const row = await server.db.kysely.selectFrom('dev_inbox').select(['subject', 'body']).where('to_address', '=', to).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst()
  if (!row)
    throw new Error(`no mail was sent to ${to}`)
  return row
}
