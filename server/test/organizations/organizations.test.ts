import { describe, expect, it } from 'vitest'
import { clientSchema, deletedObjectSchema, organizationSchema, parseContract } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestServer } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'
import { createOrganization, orgFixture, person, uniqueSlug } from './orgFixtures'

describeEachDb('organizations', (ctx) => {
  describe('pOST /v1/organizations', () => {
    it('creates an organization whose creator is its admin, with the client piggybacked', async () => {
      const server = createTestServer(ctx.db)
      const creator = await person(server)
      const slug = uniqueSlug('acme')
      const { response, client } = expectEnvelope(await creator.browser.post('/v1/organizations', { name: ' Acme Inc. ', slug }), organizationSchema)
      expect(response).toMatchObject({ object: 'organization', name: 'Acme Inc.', slug, members_count: 1, pending_invitations_count: 0, admin_delete_enabled: true, max_allowed_memberships: 0, created_at: server.clock() })
      expect(response.id).toMatch(/^org_/)
      const membership = client?.sessions[0]?.user.organization_memberships.find(candidate => candidate.organization.id === response.id)
      expect(membership).toMatchObject({ role: 'org:admin', role_name: 'Admin' })
      expect(membership?.permissions).toEqual(expect.arrayContaining(['org:sys_profile:manage', 'org:sys_profile:delete', 'org:sys_memberships:read', 'org:sys_memberships:manage', 'org:sys_domains:read', 'org:sys_domains:manage']))
    })

    it('makes a slug from the name when none is given, and another one when that clashes', async () => {
      const server = createTestServer(ctx.db)
      const creator = await person(server)
      const name = `Umbrella ${Math.random().toString(36).slice(2, 8)} Corp`
      const first = expectEnvelope(await creator.browser.post('/v1/organizations', { name }), organizationSchema).response
      expect(first.slug).toBe(name.toLowerCase().replaceAll(' ', '-'))
      const second = expectEnvelope(await creator.browser.post('/v1/organizations', { name }), organizationSchema).response
      expect(second.slug).toMatch(new RegExp(`^${first.slug}-[a-z0-9]{6}$`))
    })

    it.each([
      ['no name', { slug: 'valid-slug' }, 'form_param_missing', 'name'],
      ['a blank name', { name: '   ' }, 'form_param_nil', 'name'],
      ['a name with a control character', { name: 'Ac\u0007me' }, 'form_param_format_invalid', 'name'],
      ['an over-long name', { name: 'x'.repeat(257) }, 'form_param_max_length_exceeded', 'name'],
      ['an upper-case slug', { name: 'Acme', slug: 'Acme' }, 'form_param_format_invalid', 'slug'],
      ['a slug with spaces', { name: 'Acme', slug: 'a b' }, 'form_param_format_invalid', 'slug'],
      ['a slug with a double hyphen', { name: 'Acme', slug: 'a--b' }, 'form_param_format_invalid', 'slug'],
      ['a slug with SQL', { name: 'Acme', slug: '\'; drop table organizations; --' }, 'form_param_format_invalid', 'slug'],
      ['an over-long slug', { name: 'Acme', slug: 'a'.repeat(65) }, 'form_param_max_length_exceeded', 'slug'],
    ])('refuses %s with 422', async (_name, form, code, param) => {
      const server = createTestServer(ctx.db)
      const creator = await person(server)
      expectError(await creator.browser.post('/v1/organizations', form), 422, code, param)
    })

    it('refuses a slug another organization has (422 form_identifier_exists)', async () => {
      const server = createTestServer(ctx.db)
      const [first, second] = [await person(server), await person(server)]
      const org = await createOrganization(first)
      expectError(await second.browser.post('/v1/organizations', { name: 'Copy', slug: org.slug! }), 422, 'form_identifier_exists', 'slug')
    })

    it('answers 401 without a session', async () => {
      const server = createTestServer(ctx.db)
      expectError(await server.browser().post('/v1/organizations', { name: 'Acme' }), 401, 'authentication_invalid')
    })

    it('refuses when organizations are off (403), and when users may not create them (403)', async () => {
      const off = createTestServer(ctx.db, { organizations: { enabled: false } })
      expectError(await (await person(off)).browser.post('/v1/organizations', { name: 'Acme' }), 403, 'organization_not_enabled_in_instance')
      const noCreate = createTestServer(ctx.db, { organizations: { allowCreation: false } })
      expectError(await (await person(noCreate)).browser.post('/v1/organizations', { name: 'Acme' }), 403, 'user_create_organization_not_enabled')
    })

    it('holds the per-user creation limit (403 organization_quota_exceeded), and frees a slot on delete', async () => {
      const server = createTestServer(ctx.db, { organizations: { creationLimit: 2 } })
      const creator = await person(server)
      const first = await createOrganization(creator)
      await createOrganization(creator)
      expectError(await creator.browser.post('/v1/organizations', { name: 'Third' }), 403, 'organization_quota_exceeded')
      expect((await creator.browser.delete(`/v1/organizations/${first.id}`)).status).toBe(200)
      await createOrganization(creator)
    })

    it('lets one of many concurrent creations with one slug win, the others 422, never a 5xx (security.md #34)', async () => {
      const server = createTestServer(ctx.db)
      const creators = await Promise.all(Array.from({ length: 5 }, () => person(server)))
      const slug = uniqueSlug('race')
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => creators[i % 5]!.browser.post('/v1/organizations', { name: 'Race', slug })))
      expect(results.filter(res => res.status === 200)).toHaveLength(1)
      for (const res of results.filter(res => res.status !== 200))
        expectError(res, 422, 'form_identifier_exists', 'slug')
      const rows = await ctx.db.kysely.selectFrom('organizations').select('id').where('slug', '=', slug).execute()
      expect(rows).toHaveLength(1)
      const memberships = await ctx.db.kysely.selectFrom('organization_memberships').select('id').where('organization_id', '=', rows[0]!.id).execute()
      expect(memberships).toHaveLength(1)
    })
  })

  describe('gET /v1/organizations/:id', () => {
    it('reads the organization for any member, with its counts', async () => {
      const server = createTestServer(ctx.db)
      const { org, member } = await orgFixture(server)
      const { response } = expectEnvelope(await member.browser.get(`/v1/organizations/${org.id}`), organizationSchema)
      expect(response).toMatchObject({ id: org.id, name: 'Acme', members_count: 2 })
    })

    it('answers 404 for an unknown organization and for one the user does not belong to', async () => {
      const server = createTestServer(ctx.db)
      const { org, outsider } = await orgFixture(server)
      expectError(await outsider.browser.get(`/v1/organizations/${org.id}`), 404, 'resource_not_found')
      expectError(await outsider.browser.get('/v1/organizations/org_unknown'), 404, 'resource_not_found')
    })
  })

  describe('pATCH /v1/organizations/:id', () => {
    it('renames and re-slugs', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const slug = uniqueSlug('renamed')
      server.clock.advance(1000)
      const { response } = expectEnvelope(await admin.browser.patch(`/v1/organizations/${org.id}`, { name: 'Acme 2', slug }), organizationSchema)
      expect(response).toMatchObject({ name: 'Acme 2', slug, updated_at: server.clock() })
      expect(response.updated_at).toBeGreaterThan(org.updated_at)
    })

    it('refuses a taken slug and an invalid one, changing nothing', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, otherOrg } = await orgFixture(server)
      expectError(await admin.browser.patch(`/v1/organizations/${org.id}`, { slug: otherOrg.slug! }), 422, 'form_identifier_exists', 'slug')
      expectError(await admin.browser.patch(`/v1/organizations/${org.id}`, { name: 'New', slug: 'NOPE' }), 422, 'form_param_format_invalid', 'slug')
      const row = await ctx.db.kysely.selectFrom('organizations').select(['name', 'slug']).where('id', '=', org.id).executeTakeFirstOrThrow()
      expect(row).toEqual({ name: 'Acme', slug: org.slug })
    })
  })

  describe('dELETE /v1/organizations/:id', () => {
    it('deletes the organization with its memberships and invitations; active sessions fall back to personal', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      expect((await member.browser.post(`/v1/client/sessions/${member.sessionId}/touch`, { active_organization_id: org.id })).status).toBe(200)
      expect((await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: 'someone@example.com', role: 'org:member' })).status).toBe(200)
      const res = await admin.browser.delete(`/v1/organizations/${org.id}`)
      expect(res.status).toBe(200)
      expect(parseContract(deletedObjectSchema, res.body.response, 'deleted')).toEqual({ object: 'organization', id: org.id, slug: org.slug, deleted: true })
      expect(parseContract(clientSchema, res.body.client, 'client').sessions[0]?.user.organization_memberships).toEqual([])
      for (const table of ['organization_memberships', 'organization_invitations'] as const)
        expect(await ctx.db.kysely.selectFrom(table).select('id').where('organization_id', '=', org.id).execute()).toEqual([])
      const session = await ctx.db.kysely.selectFrom('sessions').select('last_active_organization_id').where('id', '=', member.sessionId).executeTakeFirstOrThrow()
      expect(session.last_active_organization_id).toBeNull()
      expectError(await admin.browser.get(`/v1/organizations/${org.id}`), 404, 'resource_not_found')
    })

    it('refuses when the instance turns admin deletion off (403)', async () => {
      const server = createTestServer(ctx.db, { organizations: { adminDelete: false } })
      const admin = await person(server)
      const org = await createOrganization(admin)
      expect(org.admin_delete_enabled).toBe(false)
      expectError(await admin.browser.delete(`/v1/organizations/${org.id}`), 403, 'organization_admin_delete_not_enabled')
      expect(await ctx.db.kysely.selectFrom('organizations').select('id').where('id', '=', org.id).executeTakeFirst()).toBeDefined()
    })
  })
})
