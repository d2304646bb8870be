import type { TestServer } from '../helpers/testServer'
import type { OrgFixture, Person } from './orgFixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestServer } from '../helpers/testServer'
import { expectError } from '../helpers/wire'
import { orgFixture, person } from './orgFixtures'

/** Everything the matrix acts on, beyond the organization and its people. */
interface Cast extends OrgFixture {
  invitationId: string
  requestId: string
  domainId: string
  /** A user in no organization, for "add member". */
  newcomer: Person
}

interface Route {
  name: string
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  path: (cast: Cast) => string
  form?: (cast: Cast) => Record<string, string | string[]>
  /** `null`: any member may; otherwise the permission a member (org:member) lacks. */
  permission: string | null
  /** What the admin gets: 200 unless the route refuses for a reason other than authorization. */
  adminStatus?: number
  /** The path names one of the organization's own resources (member, invitation, request, domain). */
  names?: true
}

const ROUTES: Route[] = [
  { name: 'read the organization', method: 'GET', path: c => `/v1/organizations/${c.org.id}`, permission: null },
  { name: 'update the organization', method: 'PATCH', path: c => `/v1/organizations/${c.org.id}`, form: () => ({ name: 'Renamed' }), permission: 'org:sys_profile:manage' },
  { name: 'upload the logo', method: 'PUT', path: c => `/v1/organizations/${c.org.id}/logo`, permission: 'org:sys_profile:manage', adminStatus: 422 },
  { name: 'remove the logo', method: 'DELETE', path: c => `/v1/organizations/${c.org.id}/logo`, permission: 'org:sys_profile:manage' },
  { name: 'delete the organization', method: 'DELETE', path: c => `/v1/organizations/${c.org.id}`, permission: 'org:sys_profile:delete' },
  { name: 'list roles', method: 'GET', path: c => `/v1/organizations/${c.org.id}/roles`, permission: null },
  { name: 'list members', method: 'GET', path: c => `/v1/organizations/${c.org.id}/memberships`, permission: null },
  { name: 'add a member', method: 'POST', path: c => `/v1/organizations/${c.org.id}/memberships`, form: c => ({ user_id: c.newcomer.userId, role: 'org:member' }), permission: 'org:sys_memberships:manage' },
  { name: 'raise the member\'s own role', method: 'PATCH', path: c => `/v1/organizations/${c.org.id}/memberships/${c.member.userId}`, form: () => ({ role: 'org:admin' }), permission: 'org:sys_memberships:manage', names: true },
  { name: 'remove a member', method: 'DELETE', path: c => `/v1/organizations/${c.org.id}/memberships/${c.member.userId}`, permission: 'org:sys_memberships:manage', names: true },
  { name: 'list invitations', method: 'GET', path: c => `/v1/organizations/${c.org.id}/invitations`, permission: 'org:sys_memberships:manage' },
  { name: 'invite', method: 'POST', path: c => `/v1/organizations/${c.org.id}/invitations`, form: () => ({ email_address: 'matrix.invitee@example.com', role: 'org:admin' }), permission: 'org:sys_memberships:manage' },
  { name: 'invite in bulk', method: 'POST', path: c => `/v1/organizations/${c.org.id}/invitations/bulk`, form: () => ({ email_address: ['m1@example.com', 'm2@example.com'], role: 'org:member' }), permission: 'org:sys_memberships:manage' },
  { name: 'revoke an invitation', method: 'POST', path: c => `/v1/organizations/${c.org.id}/invitations/${c.invitationId}/revoke`, permission: 'org:sys_memberships:manage', names: true },
  { name: 'list membership requests', method: 'GET', path: c => `/v1/organizations/${c.org.id}/membership_requests`, permission: 'org:sys_memberships:manage' },
  { name: 'accept a membership request', method: 'POST', path: c => `/v1/organizations/${c.org.id}/membership_requests/${c.requestId}/accept`, permission: 'org:sys_memberships:manage', names: true },
  { name: 'reject a membership request', method: 'POST', path: c => `/v1/organizations/${c.org.id}/membership_requests/${c.requestId}/reject`, permission: 'org:sys_memberships:manage', names: true },
  { name: 'list domains', method: 'GET', path: c => `/v1/organizations/${c.org.id}/domains`, permission: 'org:sys_domains:read' },
  { name: 'add a domain', method: 'POST', path: c => `/v1/organizations/${c.org.id}/domains`, form: () => ({ name: `matrix-${Math.random().toString(36).slice(2, 8)}.test` }), permission: 'org:sys_domains:manage' },
  { name: 'read a domain', method: 'GET', path: c => `/v1/organizations/${c.org.id}/domains/${c.domainId}`, permission: 'org:sys_domains:read', names: true },
  { name: 'delete a domain', method: 'DELETE', path: c => `/v1/organizations/${c.org.id}/domains/${c.domainId}`, permission: 'org:sys_domains:manage', names: true },
  { name: 'send a domain affiliation code', method: 'POST', path: c => `/v1/organizations/${c.org.id}/domains/${c.domainId}/prepare_affiliation_verification`, form: c => ({ affiliation_email_address: `it@${c.domainId}.test` }), permission: 'org:sys_domains:manage', adminStatus: 422, names: true },
  { name: 'attempt a domain affiliation code', method: 'POST', path: c => `/v1/organizations/${c.org.id}/domains/${c.domainId}/attempt_affiliation_verification`, form: () => ({ code: '123456' }), permission: 'org:sys_domains:manage', adminStatus: 400, names: true },
  { name: 'change a domain\'s enrollment mode', method: 'POST', path: c => `/v1/organizations/${c.org.id}/domains/${c.domainId}/update_enrollment_mode`, form: () => ({ enrollment_mode: 'automatic_invitation' }), permission: 'org:sys_domains:manage', names: true },
]

const CONFIG = { organizations: { domains: { enabled: true } } }

describeEachDb('organization authorization matrix (AZ-1, AZ-2, AZ-3; security.md #48, #49)', (ctx) => {
  async function cast(server: TestServer): Promise<Cast> {
    const fixture = await orgFixture(server)
    const newcomer = await person(server, 'newcomer')
    const invitation = await fixture.admin.browser.post(`/v1/organizations/${fixture.org.id}/invitations`, { email_address: `invitee.${Math.random().toString(36).slice(2, 8)}@example.com`, role: 'org:member' })
    const domain = await fixture.admin.browser.post(`/v1/organizations/${fixture.org.id}/domains`, { name: `acme-${Math.random().toString(36).slice(2, 8)}.test` })
    const requestId = `orgmemreq_matrix${Math.random().toString(36).slice(2, 10)}`
    const now = server.clock()
    await ctx.db.kysely.insertInto('organization_membership_requests').values({ id: requestId, organization_id: fixture.org.id, user_id: newcomer.userId, status: 'pending', created_at: now, updated_at: now }).execute()
    expect(invitation.status).toBe(200)
    expect(domain.status).toBe(200)
    return { ...fixture, newcomer, invitationId: invitation.body.response.id, requestId, domainId: domain.body.response.id }
  }

  /** Every organization row (and the sessions' active organizations), to prove a refused request changed nothing. */
  async function snapshot(): Promise<string> {
    const tables = ['organizations', 'organization_memberships', 'organization_invitations', 'organization_membership_requests', 'organization_domains', 'images'] as const
    const rows = await Promise.all(tables.map(table => ctx.db.kysely.selectFrom(table).selectAll().orderBy('id').execute()))
    const sessions = await ctx.db.kysely.selectFrom('sessions').select(['id', 'last_active_organization_id']).orderBy('id').execute()
    const verifications = await ctx.db.kysely.selectFrom('verifications').select(['id', 'status', 'attempts']).orderBy('id').execute()
    const mail = await ctx.db.kysely.selectFrom('dev_inbox').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirst()
    return JSON.stringify({ rows, sessions, verifications, mail: Number(mail?.n) })
  }

  function send(actor: Person, route: Route, c: Cast) {
    return actor.browser.send(route.method, route.path(c), route.form?.(c))
  }

  describe('as a member (org:member)', () => {
    let server: TestServer
    let c: Cast
    beforeAll(async () => {
      server = createTestServer(ctx.db, CONFIG)
      c = await cast(server)
    })

    it.each(ROUTES.filter(route => route.permission !== null).map(route => [route.name, route] as const))('cannot %s: 403 missing_organization_permission, nothing changes', async (_name, route) => {
      const before = await snapshot()
      expectError(await send(c.member, route, c), 403, 'missing_organization_permission')
      expect(await snapshot()).toBe(before)
    })

    it.each(ROUTES.filter(route => route.permission === null).map(route => [route.name, route] as const))('may %s', async (_name, route) => {
      expect((await send(c.member, route, c)).status).toBe(200)
    })
  })

  describe('as a member of another organization', () => {
    let server: TestServer
    let c: Cast
    beforeAll(async () => {
      server = createTestServer(ctx.db, CONFIG)
      c = await cast(server)
    })

    it.each(ROUTES.map(route => [route.name, route] as const))('cannot %s: 404 resource_not_found, nothing changes', async (_name, route) => {
      const before = await snapshot()
      expectError(await send(c.outsider, route, c), 404, 'resource_not_found')
      expect(await snapshot()).toBe(before)
    })

    it.each(ROUTES.filter(route => route.names).map(route => [route.name, route] as const))('cannot %s through its own organization with the other\'s ids: 404', async (_name, route) => {
      // the outsider administers Globex: Acme's member, invitation, request and domain ids must not reach through it
      const before = await snapshot()
      expectError(await send(c.outsider, route, { ...c, org: c.otherOrg }), 404, 'resource_not_found')
      expect(await snapshot()).toBe(before)
    })
  })

  describe('as an admin (org:admin)', () => {
    it.each(ROUTES.map(route => [route.name, route] as const))('may %s', async (_name, route) => {
      const server = createTestServer(ctx.db, CONFIG)
      const c = await cast(server)
      const res = await send(c.admin, route, c)
      expect(res.status, JSON.stringify(res.body)).toBe(route.adminStatus ?? 200)
    })
  })

  describe('a custom role holding only org:sys_memberships:manage', () => {
    const config = { organizations: { roles: [{ key: 'org:manager', name: 'Manager', permissions: ['org:sys_memberships:read', 'org:sys_memberships:manage'] }] } }

    it('may change roles but not the profile: permissions decide, not role names', async () => {
      const server = createTestServer(ctx.db, config)
      const { org, admin, member } = await orgFixture(server)
      const manager = await person(server, 'manager')
      expect((await admin.browser.post(`/v1/organizations/${org.id}/memberships`, { user_id: manager.userId, role: 'org:manager' })).status).toBe(200)
      expect((await manager.browser.patch(`/v1/organizations/${org.id}/memberships/${member.userId}`, { role: 'org:manager' })).status).toBe(200)
      expectError(await manager.browser.patch(`/v1/organizations/${org.id}`, { name: 'Mine' }), 403, 'missing_organization_permission')
      expectError(await manager.browser.delete(`/v1/organizations/${org.id}`), 403, 'missing_organization_permission')
    })
  })

  it('refuses every route without a session (401), changing nothing', async () => {
    const server = createTestServer(ctx.db, CONFIG)
    const c = await cast(server)
    const anonymous = { ...c.outsider, browser: server.browser() }
    const before = await snapshot()
    for (const route of ROUTES)
      expectError(await send(anonymous, route, c), 401, 'authentication_invalid')
    expect(await snapshot()).toBe(before)
  })
})
