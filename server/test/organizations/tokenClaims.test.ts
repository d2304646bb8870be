import type { TestBrowser } from '../helpers/testBrowser'
import { describe, expect, it } from 'vitest'
import { createCheckAuthorization, decodeJwt, decodeOrgPermissions, environmentSchema, parseContract, parseSessionClaims, sessionSchema, userSchema } from '../../src/contract'
import { encodeOrgPermissions } from '../../src/services/organizationClaims'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestServer } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'
import { addMember, createOrganization, orgFixture, person } from './orgFixtures'

const CUSTOM = {
  organizations: {
    permissions: [
      { key: 'org:invoices:create', name: 'Create invoices' },
      { key: 'org:invoices:read', name: 'Read invoices' },
      { key: 'org:reports:read', name: 'Read reports' },
    ],
    roles: [{ key: 'org:accountant', name: 'Accountant', permissions: ['org:sys_memberships:read', 'org:invoices:read', 'org:reports:read'] }],
  },
}

async function claimsOf(browser: TestBrowser, sessionId: string, organizationId?: string) {
  const res = await browser.post(`/v1/client/sessions/${sessionId}/tokens`, organizationId === undefined ? {} : { organization_id: organizationId })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  const decoded = decodeJwt(res.body.jwt)
  return { raw: decoded.claims, claims: parseSessionClaims(decoded.claims) }
}

describe('encodeOrgPermissions', () => {
  it('encodes feature permissions as fea/per/fpm that decodeOrgPermissions reads back, leaving system ones out', () => {
    const permissions = ['org:sys_memberships:manage', 'org:invoices:read', 'org:invoices:create', 'org:reports:read', 'org:reports:export']
    const encoded = encodeOrgPermissions(permissions)
    expect(encoded).toEqual({ fea: 'o:invoices,o:reports', per: 'read,create,export', fpm: '3,5' })
    expect(decodeOrgPermissions(encoded.fea.split(','), encoded.per, encoded.fpm).sort()).toEqual(permissions.slice(1).sort())
  })

  it('encodes nothing for system permissions only', () => {
    expect(encodeOrgPermissions(['org:sys_profile:manage'])).toEqual({ fea: '', per: '', fpm: '' })
  })
})

describeEachDb('active organization and session-token claims', (ctx) => {
  describe('pOST /v1/client/sessions/:id/touch with active_organization_id', () => {
    it('activates a member\'s organization; the token carries the v2 o claim and has() agrees', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const { response, client } = expectEnvelope(await admin.browser.post(`/v1/client/sessions/${admin.sessionId}/touch`, { active_organization_id: org.id, intent: 'select_org' }), sessionSchema)
      expect(response.last_active_organization_id).toBe(org.id)
      expect(client?.sessions[0]?.last_active_organization_id).toBe(org.id)
      const raw = decodeJwt(response.last_active_token!.jwt).claims
      expect(raw).toMatchObject({ v: 2, o: { id: org.id, slg: org.slug, rol: 'admin', per: '', fpm: '' } })
      expect(raw.fea).toBeUndefined()
      const claims = parseSessionClaims(raw)
      expect(claims).toMatchObject({ version: 2, orgId: org.id, orgRole: 'org:admin', orgSlug: org.slug, orgPermissions: [] })
      const has = createCheckAuthorization(claims)
      expect(has({ role: 'org:admin' })).toBe(true)
      expect(has({ role: 'admin' })).toBe(true)
      expect(has({ role: 'org:member' })).toBe(false)
    })

    it('lets has() see system permissions through the client JSON (clerk-js reads the membership), never through the token', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      for (const [who, expected] of [[admin, true], [member, false]] as const) {
        const { client } = expectEnvelope(await who.browser.post(`/v1/client/sessions/${who.sessionId}/touch`, { active_organization_id: org.id }), sessionSchema)
        const session = client!.sessions[0]!
        const membership = session.user.organization_memberships.find(item => item.organization.id === session.last_active_organization_id)!
        const fromClient = createCheckAuthorization({ userId: session.user.id, orgId: session.last_active_organization_id, orgRole: membership.role, orgPermissions: membership.permissions })
        expect(fromClient({ permission: 'org:sys_memberships:manage' })).toBe(expected)
        expect(fromClient({ permission: 'org:sys_memberships:read' })).toBe(true)
        const fromToken = createCheckAuthorization(parseSessionClaims(decodeJwt(session.last_active_token!.jwt).claims))
        expect(fromToken({ permission: 'org:sys_memberships:read' })).toBe(false)
      }
    })

    it('switches back to the personal account with an empty id', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      await admin.browser.post(`/v1/client/sessions/${admin.sessionId}/touch`, { active_organization_id: org.id })
      const { response } = expectEnvelope(await admin.browser.post(`/v1/client/sessions/${admin.sessionId}/touch`, { active_organization_id: '' }), sessionSchema)
      expect(response.last_active_organization_id).toBeNull()
      expect(decodeJwt(response.last_active_token!.jwt).claims.o).toBeUndefined()
    })

    it('refuses another organization (403 not_a_member_in_organization) and keeps the session as it was (security.md #49)', async () => {
      const server = createTestServer(ctx.db)
      const { org, outsider, otherOrg } = await orgFixture(server)
      await outsider.browser.post(`/v1/client/sessions/${outsider.sessionId}/touch`, { active_organization_id: otherOrg.id })
      expectError(await outsider.browser.post(`/v1/client/sessions/${outsider.sessionId}/touch`, { active_organization_id: org.id }), 403, 'not_a_member_in_organization')
      expectError(await outsider.browser.post(`/v1/client/sessions/${outsider.sessionId}/tokens`, { organization_id: org.id }), 403, 'not_a_member_in_organization')
      const row = await ctx.db.kysely.selectFrom('sessions').select('last_active_organization_id').where('id', '=', outsider.sessionId).executeTakeFirstOrThrow()
      expect(row.last_active_organization_id).toBe(otherOrg.id)
    })
  })

  describe('pOST /v1/client/sessions/:id/tokens', () => {
    it('mints a token for the organization asked for, or the personal account for \'\'', async () => {
      const server = createTestServer(ctx.db)
      const { org, member } = await orgFixture(server)
      expect((await claimsOf(member.browser, member.sessionId, org.id)).claims).toMatchObject({ orgId: org.id, orgRole: 'org:member' })
      expect((await claimsOf(member.browser, member.sessionId, '')).claims.orgId).toBeNull()
    })

    it('encodes custom permissions (fea/per/fpm) that has({ permission }) checks', async () => {
      const server = createTestServer(ctx.db, CUSTOM)
      const { org, admin } = await orgFixture(server)
      const accountant = await person(server, 'accountant')
      await addMember(admin, org.id, accountant.userId, 'org:accountant')
      const forAdmin = await claimsOf(admin.browser, admin.sessionId, org.id)
      expect(forAdmin.raw).toMatchObject({ fea: 'o:invoices,o:reports', o: { rol: 'admin', per: 'create,read', fpm: '3,2' } })
      expect(forAdmin.claims.orgPermissions?.sort()).toEqual(['org:invoices:create', 'org:invoices:read', 'org:reports:read'])
      const forAccountant = await claimsOf(accountant.browser, accountant.sessionId, org.id)
      const has = createCheckAuthorization(forAccountant.claims)
      expect(has({ role: 'org:accountant' })).toBe(true)
      expect(has({ permission: 'org:invoices:read' })).toBe(true)
      expect(has({ permission: 'invoices:read' })).toBe(true)
      expect(has({ permission: 'org:reports:read' })).toBe(true)
      expect(has({ permission: 'org:invoices:create' })).toBe(false)
      expect(has({ role: 'org:accountant', permission: 'org:invoices:create' })).toBe(false)
    })

    it('shows a role change in the very next token (AZ-5)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      expect((await claimsOf(member.browser, member.sessionId, org.id)).claims.orgRole).toBe('org:member')
      await admin.browser.patch(`/v1/organizations/${org.id}/memberships/${member.userId}`, { role: 'org:admin' })
      expect((await claimsOf(member.browser, member.sessionId, org.id)).claims.orgRole).toBe('org:admin')
    })

    it('drops the organization claims once the member is removed', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      await member.browser.post(`/v1/client/sessions/${member.sessionId}/touch`, { active_organization_id: org.id })
      await admin.browser.delete(`/v1/organizations/${org.id}/memberships/${member.userId}`)
      const { raw, claims } = await claimsOf(member.browser, member.sessionId)
      expect(raw.o).toBeUndefined()
      expect(claims.orgId).toBeNull()
    })

    it('carries v1 org_* claims, custom permissions only, when tokenClaimsVersion is 1', async () => {
      const server = createTestServer(ctx.db, { organizations: { ...CUSTOM.organizations, tokenClaimsVersion: 1 } })
      const admin = await person(server)
      const org = await createOrganization(admin)
      const { raw, claims } = await claimsOf(admin.browser, admin.sessionId, org.id)
      expect(raw.v).toBeUndefined()
      expect(raw.o).toBeUndefined()
      expect(raw).toMatchObject({ org_id: org.id, org_slug: org.slug, org_role: 'org:admin' })
      expect((raw.org_permissions as string[]).sort()).toEqual(['org:invoices:create', 'org:invoices:read', 'org:reports:read'])
      expect(claims).toMatchObject({ version: 1, orgId: org.id, orgRole: 'org:admin' })
      expect(createCheckAuthorization(claims)({ role: 'org:admin', permission: 'org:invoices:create' })).toBe(true)
    })
  })

  describe('client and environment JSON', () => {
    it('lists the user\'s memberships with prefixed roles and permissions, and the creation settings', async () => {
      const server = createTestServer(ctx.db, { organizations: { ...CUSTOM.organizations, creationLimit: 3 } })
      const admin = await person(server)
      const org = await createOrganization(admin)
      const { response } = expectEnvelope(await admin.browser.get('/v1/me'), userSchema)
      expect(response).toMatchObject({ create_organization_enabled: true, create_organizations_limit: 3 })
      expect(response.organization_memberships).toHaveLength(1)
      const [membership] = response.organization_memberships
      expect(membership).toMatchObject({ role: 'org:admin', organization: { id: org.id } })
      for (const permission of membership!.permissions)
        expect(permission).toMatch(/^org:/)
      expect(membership!.permissions).toEqual(expect.arrayContaining(['org:sys_profile:delete', 'org:invoices:create']))
    })

    it('mirrors the organization configuration in organization_settings', async () => {
      const server = createTestServer(ctx.db, { organizations: { maxAllowedMemberships: 7, adminDelete: false, domains: { enabled: true, enrollmentModes: ['automatic_suggestion'] } } })
      const environment = parseContract(environmentSchema, (await server.browser().get('/v1/environment')).body, 'environment')
      expect(environment.organization_settings).toMatchObject({
        enabled: true,
        max_allowed_memberships: 7,
        actions: { admin_delete: false },
        domains: { enabled: true, enrollment_modes: ['automatic_suggestion'], default_role: 'org:member' },
        creator_role: 'org:admin',
      })
      expect(environment.user_settings.actions).toMatchObject({ create_organization: true })
      const off = createTestServer(ctx.db, { organizations: { enabled: false } })
      expect((await off.browser().get('/v1/environment')).body.organization_settings.enabled).toBe(false)
    })
  })
})
