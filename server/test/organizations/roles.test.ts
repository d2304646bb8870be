import { describe, expect, it } from 'vitest'
import { defineConfig } from '../../src/config'
import { paginatedSchema, roleSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestServer } from '../helpers/testServer'
import { expectEnvelope } from '../helpers/wire'
import { createOrganization, person } from './orgFixtures'

describeEachDb('organization roles', (ctx) => {
  it('lists org:admin and org:member with Clerk\'s system permissions', async () => {
    const server = createTestServer(ctx.db)
    const admin = await person(server)
    const org = await createOrganization(admin)
    const res = await admin.browser.get(`/v1/organizations/${org.id}/roles`)
    const { response } = expectEnvelope(res, paginatedSchema(roleSchema))
    expect(res.body.response.has_role_set_migration).toBe(false)
    expect(response.total_count).toBe(2)
    const [adminRole, memberRole] = response.data
    expect(adminRole).toMatchObject({ object: 'role', key: 'org:admin', name: 'Admin', is_creator_eligible: true })
    expect(adminRole!.permissions.map(permission => permission.key)).toEqual(['org:sys_profile:manage', 'org:sys_profile:delete', 'org:sys_memberships:read', 'org:sys_memberships:manage', 'org:sys_domains:read', 'org:sys_domains:manage'])
    expect(adminRole!.permissions.every(permission => permission.type === 'system')).toBe(true)
    expect(memberRole).toMatchObject({ key: 'org:member', is_creator_eligible: false, permissions: [{ key: 'org:sys_memberships:read', type: 'system' }] })
  })

  it('adds custom roles and permissions from the configuration, paged', async () => {
    const server = createTestServer(ctx.db, {
      organizations: {
        permissions: [{ key: 'org:invoices:create', name: 'Create invoices', description: 'Bill customers.' }],
        roles: [{ key: 'org:billing', name: 'Billing', permissions: ['org:invoices:create'] }],
      },
    })
    const admin = await person(server)
    const org = await createOrganization(admin)
    const all = expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/roles`), paginatedSchema(roleSchema)).response
    expect(all.data.map(role => role.key)).toEqual(['org:admin', 'org:member', 'org:billing'])
    expect(all.data[0]!.permissions.map(permission => permission.key)).toContain('org:invoices:create')
    const last = expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/roles`, { limit: '1', offset: '2' }), paginatedSchema(roleSchema)).response
    expect(last).toMatchObject({ total_count: 3, data: [{ key: 'org:billing', permissions: [{ key: 'org:invoices:create', name: 'Create invoices', description: 'Bill customers.', type: 'user' }] }] })
  })
})

describe('organization configuration', () => {
  it.each([
    ['a role with an undeclared permission', { roles: [{ key: 'org:x', name: 'X', permissions: ['org:invoices:create'] }] }],
    ['a custom permission posing as a system one', { permissions: [{ key: 'org:sys_profile:manage', name: 'Sneaky' }] }],
    ['a role key without the org: prefix', { roles: [{ key: 'admin', name: 'Admin' }] }],
    ['an unknown creator role', { creatorRole: 'org:owner' }],
    ['a creator role that cannot manage members', { creatorRole: 'org:member' }],
    ['an unknown domain default role', { domains: { defaultRole: 'org:nobody' } }],
  ])('refuses %s', (_name, organizations) => {
    expect(() => defineConfig({ organizations })).toThrow()
  })

  it('accepts a redefined org:member and a custom creator role', () => {
    const config = defineConfig({ organizations: { creatorRole: 'org:owner', roles: [{ key: 'org:owner', name: 'Owner', permissions: ['org:sys_memberships:manage'] }, { key: 'org:member', name: 'Member', permissions: [] }] } })
    expect(config.organizations.creatorRole).toBe('org:owner')
  })
})
