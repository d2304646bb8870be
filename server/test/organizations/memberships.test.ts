import { describe, expect, it } from 'vitest'
import { deletedObjectSchema, organizationMembershipSchema, paginatedSchema, parseContract } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestServer } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'
import { createOrganization, orgFixture, person } from './orgFixtures'

const page = paginatedSchema(organizationMembershipSchema)

describeEachDb('organization memberships', (ctx) => {
  async function roleOf(organizationId: string, userId: string): Promise<string | undefined> {
    const row = await ctx.db.kysely.selectFrom('organization_memberships').select('role').where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst()
    return row?.role
  }

  describe('gET /v1/organizations/:id/memberships', () => {
    it('lists members oldest first with public_user_data, paginated', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      const { response } = expectEnvelope(await member.browser.get(`/v1/organizations/${org.id}/memberships`, { paginated: 'true', limit: '10', offset: '0' }), page)
      expect(response.total_count).toBe(2)
      expect(response.data.map(item => item.public_user_data?.user_id)).toEqual([admin.userId, member.userId])
      expect(response.data[0]).toMatchObject({ role: 'org:admin', organization: { id: org.id, members_count: 2 }, public_user_data: { identifier: admin.email } })
      expect(response.data[1]?.permissions).toEqual(['org:sys_memberships:read'])
    })

    it('pages with limit and offset, and answers a bare array without paginated=true', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      const second = expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/memberships`, { paginated: 'true', limit: '1', offset: '1' }), page).response
      expect(second).toMatchObject({ total_count: 2, data: [{ public_user_data: { user_id: member.userId } }] })
      const bare = await admin.browser.get(`/v1/organizations/${org.id}/memberships`)
      expect(bare.status).toBe(200)
      expect(Array.isArray(bare.body.response)).toBe(true)
      expect(bare.body.response).toHaveLength(2)
    })

    it('filters by role and by query (email, case-insensitive, wildcards taken literally)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      const list = async (query: Record<string, string>) => expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/memberships`, { paginated: 'true', ...query }), page).response
      expect((await list({ role: 'org:member' })).data.map(item => item.public_user_data?.user_id)).toEqual([member.userId])
      expect((await list({ role: 'org:admin' })).total_count).toBe(1)
      expect((await list({ query: member.email.toUpperCase().slice(0, 12) })).data.map(item => item.public_user_data?.user_id)).toEqual([member.userId])
      expect((await list({ query: '%' })).total_count).toBe(0)
      expect((await list({ query: '_' })).total_count).toBe(0)
      expect((await list({ query: admin.userId })).data.map(item => item.public_user_data?.user_id)).toEqual([admin.userId])
    })

    it.each([['limit', '0'], ['limit', '501'], ['limit', 'ten'], ['offset', '-1']])('refuses %s=%s with 422', async (name, value) => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      expectError(await admin.browser.get(`/v1/organizations/${org.id}/memberships`, { [name]: value }), 422, 'form_param_format_invalid', name)
    })
  })

  describe('pOST /v1/organizations/:id/memberships', () => {
    it('adds a user with a role', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const newcomer = await person(server)
      const { response } = expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/memberships`, { user_id: newcomer.userId, role: 'org:admin' }), organizationMembershipSchema)
      expect(response).toMatchObject({ role: 'org:admin', public_user_data: { user_id: newcomer.userId }, organization: { members_count: 3 } })
      // the newcomer's own client now shows the membership
      const me = await newcomer.browser.get('/v1/client')
      expect(me.body.response.sessions[0].user.organization_memberships.map((item: { organization: { id: string } }) => item.organization.id)).toEqual([org.id])
    })

    it.each([
      ['an unknown role', { role: 'org:owner' }, 422, 'form_param_value_invalid'],
      ['an unprefixed role', { role: 'admin' }, 422, 'form_param_value_invalid'],
      ['an upper-case role', { role: 'ORG:ADMIN' }, 422, 'form_param_value_invalid'],
      ['a comma-joined role', { role: 'org:admin,org:member' }, 422, 'form_param_value_invalid'],
      ['a repeated role', { role: ['org:member', 'org:admin'] }, 422, 'form_param_value_invalid'],
      ['no role', {}, 422, 'form_param_missing'],
    ])('refuses %s', async (_name, form, status, code) => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const newcomer = await person(server)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/memberships`, { user_id: newcomer.userId, ...form }), status, code, 'role')
      expect(await roleOf(org.id, newcomer.userId)).toBeUndefined()
    })

    it('refuses an existing member (400), an unknown user (404) and a missing user_id (422)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/memberships`, { user_id: member.userId, role: 'org:admin' }), 400, 'already_a_member_in_organization')
      expect(await roleOf(org.id, member.userId)).toBe('org:member')
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/memberships`, { user_id: 'user_nobody', role: 'org:member' }), 404, 'resource_not_found')
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/memberships`, { role: 'org:member' }), 422, 'form_param_missing', 'user_id')
    })

    it('holds the member limit (403 organization_membership_quota_exceeded)', async () => {
      const server = createTestServer(ctx.db, { organizations: { maxAllowedMemberships: 2 } })
      const { org, admin } = await orgFixture(server)
      expect(org.max_allowed_memberships).toBe(2)
      const third = await person(server)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/memberships`, { user_id: third.userId, role: 'org:member' }), 403, 'organization_membership_quota_exceeded')
    })
  })

  describe('pATCH /v1/organizations/:id/memberships/:userId', () => {
    it('changes a member\'s role; their next token and client follow at once', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      const { response } = expectEnvelope(await admin.browser.patch(`/v1/organizations/${org.id}/memberships/${member.userId}`, { role: 'org:admin' }), organizationMembershipSchema)
      expect(response).toMatchObject({ role: 'org:admin', role_name: 'Admin' })
      expect(response.permissions).toContain('org:sys_memberships:manage')
      expect(await roleOf(org.id, member.userId)).toBe('org:admin')
    })

    it('lets an admin step down while another admin remains', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      await admin.browser.patch(`/v1/organizations/${org.id}/memberships/${member.userId}`, { role: 'org:admin' })
      expectEnvelope(await admin.browser.patch(`/v1/organizations/${org.id}/memberships/${admin.userId}`, { role: 'org:member' }), organizationMembershipSchema)
      expect(await roleOf(org.id, admin.userId)).toBe('org:member')
    })

    it('never demotes the last admin (400 organization_minimum_permissions_needed)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      expectError(await admin.browser.patch(`/v1/organizations/${org.id}/memberships/${admin.userId}`, { role: 'org:member' }), 400, 'organization_minimum_permissions_needed')
      expect(await roleOf(org.id, admin.userId)).toBe('org:admin')
    })

    it('keeps one admin when two admins demote each other at once (security.md #33)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      await admin.browser.patch(`/v1/organizations/${org.id}/memberships/${member.userId}`, { role: 'org:admin' })
      const results = await Promise.all([
        admin.browser.patch(`/v1/organizations/${org.id}/memberships/${member.userId}`, { role: 'org:member' }),
        member.browser.patch(`/v1/organizations/${org.id}/memberships/${admin.userId}`, { role: 'org:member' }),
      ])
      expect(results.map(res => res.status).sort()).toEqual(results.some(res => res.status === 403) ? [200, 403] : [200, 400])
      const admins = await ctx.db.kysely.selectFrom('organization_memberships').select('user_id').where('organization_id', '=', org.id).where('role', '=', 'org:admin').execute()
      expect(admins).toHaveLength(1)
    })

    it('answers 404 for a user who is not a member of this organization', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, outsider } = await orgFixture(server)
      expectError(await admin.browser.patch(`/v1/organizations/${org.id}/memberships/${outsider.userId}`, { role: 'org:admin' }), 404, 'resource_not_found')
    })
  })

  describe('dELETE /v1/organizations/:id/memberships/:userId', () => {
    it('removes a member, answers the membership, and clears their active organization', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      await member.browser.post(`/v1/client/sessions/${member.sessionId}/touch`, { active_organization_id: org.id })
      const { response } = expectEnvelope(await admin.browser.delete(`/v1/organizations/${org.id}/memberships/${member.userId}`), organizationMembershipSchema)
      expect(response).toMatchObject({ role: 'org:member', public_user_data: { user_id: member.userId } })
      expect(await roleOf(org.id, member.userId)).toBeUndefined()
      const client = (await member.browser.get('/v1/client')).body.response
      expect(client.sessions[0]).toMatchObject({ last_active_organization_id: null, user: { organization_memberships: [] } })
    })

    it('never removes the last admin', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      expectError(await admin.browser.delete(`/v1/organizations/${org.id}/memberships/${admin.userId}`), 400, 'organization_minimum_permissions_needed')
      expect(await roleOf(org.id, admin.userId)).toBe('org:admin')
    })
  })

  describe('/v1/me/organization_memberships', () => {
    it('lists the user\'s memberships, paginated', async () => {
      const server = createTestServer(ctx.db)
      const user = await person(server)
      const a = await createOrganization(user, 'A')
      server.clock.advance(1000)
      const b = await createOrganization(user, 'B')
      const { response } = expectEnvelope(await user.browser.get('/v1/me/organization_memberships', { paginated: 'true', limit: '1', offset: '1' }), page)
      expect(response.total_count).toBe(2)
      expect(response.data.map(item => item.organization.id)).toEqual([b.id])
      const bare = await user.browser.get('/v1/me/organization_memberships')
      expect(bare.body.response.map((item: { organization: { id: string } }) => item.organization.id)).toEqual([a.id, b.id])
    })

    it('leaves an organization (DeletedObject), and the client follows', async () => {
      const server = createTestServer(ctx.db)
      const { org, member } = await orgFixture(server)
      const res = await member.browser.delete(`/v1/me/organization_memberships/${org.id}`)
      expect(res.status).toBe(200)
      expect(parseContract(deletedObjectSchema, res.body.response, 'deleted')).toMatchObject({ object: 'organization_membership', deleted: true })
      expect(res.body.client.sessions[0].user.organization_memberships).toEqual([])
      expect(await roleOf(org.id, member.userId)).toBeUndefined()
    })

    it('refuses to let the last admin leave, and answers 404 for an organization the user is not in', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, outsider } = await orgFixture(server)
      expectError(await admin.browser.delete(`/v1/me/organization_memberships/${org.id}`), 400, 'organization_minimum_permissions_needed')
      expectError(await outsider.browser.delete(`/v1/me/organization_memberships/${org.id}`), 404, 'resource_not_found')
      expect(await roleOf(org.id, admin.userId)).toBe('org:admin')
    })

    it('answers 401 without a session', async () => {
      const server = createTestServer(ctx.db)
      expectError(await server.browser().get('/v1/me/organization_memberships'), 401, 'authentication_invalid')
    })
  })

  it('a deleted user leaves their organizations with them', async () => {
    const server = createTestServer(ctx.db)
    const { org, member } = await orgFixture(server)
    expect((await member.browser.delete('/v1/me')).status).toBe(200)
    expect(await roleOf(org.id, member.userId)).toBeUndefined()
  })
})
