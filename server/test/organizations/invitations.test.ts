import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { organizationInvitationSchema, organizationMembershipSchema, paginatedSchema } from '../../src/contract'
import { createDevInboxMailer } from '../../src/services/mailer'
import { silentLogger } from '../../src/utils/logger'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { TestBrowser } from '../helpers/testBrowser'
import { createTestServer, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'
import { latestMail, orgFixture, person } from './orgFixtures'

const page = paginatedSchema(organizationInvitationSchema)
const DAY = 24 * 3600 * 1000

describeEachDb('organization invitations', (ctx) => {
  describe('pOST /v1/organizations/:id/invitations', () => {
    it('invites an address with a role and emails a link', async () => {
      const server = createTestServer(ctx.db, { organizations: { invitationUrl: 'https://app.example.com/sign-up' } })
      const { org, admin } = await orgFixture(server)
      const email = uniqueEmail('invitee')
      const { response } = expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email.toUpperCase(), role: 'org:admin' }), organizationInvitationSchema)
      expect(response).toMatchObject({ object: 'organization_invitation', organization_id: org.id, role: 'org:admin', role_name: 'Admin', status: 'pending', expires_at: server.clock() + 30 * DAY })
      expect(response.id).toMatch(/^orginv_/)
      const mail = await latestMail(server, response.email_address)
      expect(mail.subject).toBe('You are invited to join Acme on Portico')
      expect(mail.body).toMatch(/https:\/\/app\.example\.com\/sign-up\?__clerk_ticket=[\w.-]+&__clerk_status=sign_up/)
      const organization = (await admin.browser.get(`/v1/organizations/${org.id}`)).body.response
      expect(organization.pending_invitations_count).toBe(1)
    })

    it('links existing accounts to sign in instead', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const existing = await person(server)
      await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: existing.email, role: 'org:member' })
      expect((await latestMail(server, existing.email)).body).toMatch(/http:\/\/localhost:5173\/\?__clerk_ticket=[\w.-]+&__clerk_status=sign_in/)
    })

    it.each([
      ['no address', { role: 'org:member' }, 422, 'form_param_missing', 'email_address'],
      ['a malformed address', { email_address: 'not-an-email', role: 'org:member' }, 422, 'form_param_format_invalid', 'email_address'],
      ['a homoglyph at sign', { email_address: 'victim＠example.com', role: 'org:member' }, 422, 'form_param_format_invalid', 'email_address'],
      ['an unknown role', { email_address: 'someone@example.com', role: 'org:owner' }, 422, 'form_param_value_invalid', 'role'],
      ['two addresses on the single route', { email_address: ['a@example.com', 'b@example.com'], role: 'org:member' }, 422, 'form_param_duplicate', 'email_address'],
    ])('refuses %s', async (_name, form, status, code, param) => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations`, form), status, code, param)
      expect(await ctx.db.kysely.selectFrom('organization_invitations').select('id').where('organization_id', '=', org.id).execute()).toEqual([])
    })

    it('refuses a second pending invitation for one address (any case), and a member\'s address', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      const email = uniqueEmail('twice')
      expect((await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email, role: 'org:member' })).status).toBe(200)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email.toUpperCase(), role: 'org:admin' }), 400, 'organization_invitation_not_unique')
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: member.email, role: 'org:member' }), 400, 'already_a_member_in_organization')
    })

    it('lets an expired invitation be sent again', async () => {
      const server = createTestServer(ctx.db, { organizations: { invitationTtlSeconds: 3600 } })
      const { org, admin } = await orgFixture(server)
      const email = uniqueEmail('late')
      await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email, role: 'org:member' })
      server.clock.advance(3600 * 1000)
      expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email, role: 'org:member' }), organizationInvitationSchema)
    })

    it('counts pending invitations against the member limit', async () => {
      const server = createTestServer(ctx.db, { organizations: { maxAllowedMemberships: 3 } })
      const { org, admin } = await orgFixture(server)
      expect((await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: uniqueEmail(), role: 'org:member' })).status).toBe(200)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: uniqueEmail(), role: 'org:member' }), 403, 'organization_membership_quota_exceeded')
    })

    it('still answers 200 when the mail cannot go out, and logs it', async () => {
      const base = createTestServer(ctx.db)
      const inbox = createDevInboxMailer({ db: ctx.db, clock: base.clock, logger: silentLogger })
      const logs: string[] = []
      // codes still arrive (sign-ups need them); invitation emails fail like an SMTP outage
      const app = createApp({
        db: ctx.db,
        config: base.config,
        clock: base.clock,
        logger: { ...silentLogger, error: message => logs.push(message) },
        mailer: { send: async message => message.subject.startsWith('You are invited') ? Promise.reject(new Error('smtp down')) : inbox.send(message) },
      })
      const server = { ...base, app, browser: () => new TestBrowser(app) }
      const { org, admin } = await orgFixture(server)
      expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: uniqueEmail(), role: 'org:member' }), organizationInvitationSchema)
      expect(logs.some(line => line.includes('invitation email could not be sent'))).toBe(true)
    })
  })

  describe('pOST /v1/organizations/:id/invitations/bulk', () => {
    it('invites several addresses at once, all with one role', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const emails = [uniqueEmail('b1'), uniqueEmail('b2'), uniqueEmail('b3')]
      const res = await admin.browser.post(`/v1/organizations/${org.id}/invitations/bulk`, { email_address: emails, role: 'org:member' })
      const { response } = expectEnvelope(res, paginatedSchema(organizationInvitationSchema).shape.data)
      expect(response.map(invitation => invitation.email_address).sort()).toEqual([...emails].sort())
      for (const email of emails)
        expect((await latestMail(server, email)).subject).toContain('Acme')
    })

    it('creates none when one address is refused (all or nothing)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, member } = await orgFixture(server)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations/bulk`, { email_address: [uniqueEmail(), member.email], role: 'org:member' }), 400, 'already_a_member_in_organization')
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations/bulk`, { email_address: [uniqueEmail(), 'broken'], role: 'org:member' }), 422, 'form_param_format_invalid')
      expect(await ctx.db.kysely.selectFrom('organization_invitations').select('id').where('organization_id', '=', org.id).execute()).toEqual([])
    })

    it('refuses more than 50 addresses', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const emails = Array.from({ length: 51 }, (_, i) => `bulk${i}@example.com`)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations/bulk`, { email_address: emails, role: 'org:member' }), 422, 'form_param_value_invalid', 'email_address')
    })
  })

  describe('gET /v1/organizations/:id/invitations', () => {
    it('lists by status, newest first (pending, accepted, revoked, expired)', async () => {
      const server = createTestServer(ctx.db, { organizations: { invitationTtlSeconds: 3600 } })
      const { org, admin } = await orgFixture(server)
      const invite = async (email: string) => (await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email, role: 'org:member' })).body.response.id as string
      const expired = await invite(uniqueEmail('expired'))
      server.clock.advance(3600 * 1000)
      const revoked = await invite(uniqueEmail('revoked'))
      await admin.browser.post(`/v1/organizations/${org.id}/invitations/${revoked}/revoke`)
      server.clock.advance(1000)
      const pending = await invite(uniqueEmail('pending'))
      const list = async (status?: string | string[]) => expectEnvelope(await admin.browser.send('GET', `/v1/organizations/${org.id}/invitations${status === undefined ? '' : `?${[status].flat().map(s => `status=${s}`).join('&')}`}`), page).response
      expect((await list()).data.map(item => item.id)).toEqual([pending, revoked, expired])
      expect((await list('pending')).data.map(item => item.id)).toEqual([pending])
      expect((await list('expired')).data).toMatchObject([{ id: expired, status: 'expired' }])
      expect((await list(['revoked', 'expired'])).total_count).toBe(2)
      expectError(await admin.browser.get(`/v1/organizations/${org.id}/invitations`, { status: 'bogus' }), 422, 'form_param_value_invalid', 'status')
    })
  })

  describe('pOST /v1/organizations/:id/invitations/:id/revoke', () => {
    it('revokes a pending invitation once', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const id = (await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: uniqueEmail(), role: 'org:member' })).body.response.id
      expect(expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/invitations/${id}/revoke`), organizationInvitationSchema).response.status).toBe('revoked')
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations/${id}/revoke`), 404, 'organization_invitation_not_pending')
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations/orginv_nope/revoke`), 404, 'resource_not_found')
    })
  })

  describe('/v1/me/organization_invitations', () => {
    it('lists invitations to the user\'s verified addresses with public_organization_data, and accepts one', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const invitee = await person(server, 'invitee')
      const id = (await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: invitee.email, role: 'org:admin' })).body.response.id
      const listed = expectEnvelope(await invitee.browser.get('/v1/me/organization_invitations', { status: 'pending' }), page).response
      expect(listed).toMatchObject({ total_count: 1, data: [{ id, status: 'pending', role: 'org:admin', public_organization_data: { id: org.id, name: 'Acme', slug: org.slug } }] })
      expect(listed.data[0]?.organization_id).toBeUndefined()
      const { response, client } = expectEnvelope(await invitee.browser.post(`/v1/me/organization_invitations/${id}/accept`), organizationInvitationSchema)
      expect(response.status).toBe('accepted')
      expect(client?.sessions[0]?.user.organization_memberships).toMatchObject([{ organization: { id: org.id }, role: 'org:admin' }])
      expectError(await invitee.browser.post(`/v1/me/organization_invitations/${id}/accept`), 400, 'organization_invitation_already_accepted')
      expect((await invitee.browser.get('/v1/me/organization_invitations', { status: 'pending' })).body.response.total_count).toBe(0)
    })

    it('answers 404 for someone else\'s invitation, which stays pending', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, outsider } = await orgFixture(server)
      const id = (await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: uniqueEmail('victim'), role: 'org:admin' })).body.response.id
      expectError(await outsider.browser.post(`/v1/me/organization_invitations/${id}/accept`), 404, 'resource_not_found')
      const row = await ctx.db.kysely.selectFrom('organization_invitations').select('status').where('id', '=', id).executeTakeFirstOrThrow()
      expect(row.status).toBe('pending')
      expect((await outsider.browser.get('/v1/me/organization_invitations')).body.response.total_count).toBe(0)
    })

    it('refuses a revoked or expired invitation (404 organization_invitation_not_pending)', async () => {
      const server = createTestServer(ctx.db, { organizations: { invitationTtlSeconds: 3600 } })
      const { org, admin } = await orgFixture(server)
      const [a, b] = [await person(server), await person(server)]
      const revoked = (await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: a.email, role: 'org:member' })).body.response.id
      await admin.browser.post(`/v1/organizations/${org.id}/invitations/${revoked}/revoke`)
      const expired = (await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: b.email, role: 'org:member' })).body.response.id
      server.clock.advance(3600 * 1000)
      expectError(await a.browser.post(`/v1/me/organization_invitations/${revoked}/accept`), 404, 'organization_invitation_not_pending')
      expectError(await b.browser.post(`/v1/me/organization_invitations/${expired}/accept`), 404, 'organization_invitation_not_pending')
    })

    it('lets parallel accepts beyond the member limit fill it and no more; each invitation is used once (security.md #32)', async () => {
      const server = createTestServer(ctx.db, { organizations: { maxAllowedMemberships: 4 } })
      const { org, admin } = await orgFixture(server)
      const invitees = await Promise.all(Array.from({ length: 2 }, () => person(server, 'racer')))
      const ids: string[] = []
      for (const invitee of invitees)
        ids.push((await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: invitee.email, role: 'org:member' })).body.response.id)
      // a third member arrives another way while the invitations wait
      const other = await person(server)
      expect((await admin.browser.post(`/v1/organizations/${org.id}/memberships`, { user_id: other.userId, role: 'org:member' })).status).toBe(200)
      const results = await Promise.all([
        ...invitees.map((invitee, i) => invitee.browser.post(`/v1/me/organization_invitations/${ids[i]}/accept`)),
        ...invitees.map((invitee, i) => invitee.browser.post(`/v1/me/organization_invitations/${ids[i]}/accept`)),
      ])
      expect(results.every(res => res.status < 500)).toBe(true)
      expect(results.filter(res => res.status === 200)).toHaveLength(1)
      const members = await ctx.db.kysely.selectFrom('organization_memberships').select('id').where('organization_id', '=', org.id).execute()
      expect(members).toHaveLength(4)
    })
  })

  describe('invitation -> sign-up -> membership', () => {
    it('puts a person without an account into the organization when they sign up with the invited address', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const email = uniqueEmail('newbie')
      const invitation = (await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email, role: 'org:member' })).body.response
      expect((await latestMail(server, email)).body).toContain('__clerk_status=sign_up')
      const browser = server.browser()
      const { userId } = await signUp(server, browser, email)
      const client = (await browser.get('/v1/client')).body.response
      expect(client.sessions[0].user.organization_memberships).toMatchObject([{ organization: { id: org.id, members_count: 3 }, role: 'org:member' }])
      const row = await ctx.db.kysely.selectFrom('organization_invitations').select('status').where('id', '=', invitation.id).executeTakeFirstOrThrow()
      expect(row.status).toBe('accepted')
      const members = expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/memberships`, { paginated: 'true' }), paginatedSchema(organizationMembershipSchema)).response
      expect(members.data.map(item => item.public_user_data?.user_id)).toContain(userId)
    })

    it('leaves the invitation pending when the organization is full, and the sign-up still completes', async () => {
      const server = createTestServer(ctx.db, { organizations: { maxAllowedMemberships: 3 } })
      const { org, admin } = await orgFixture(server)
      const email = uniqueEmail('full')
      await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: email, role: 'org:member' })
      const other = await person(server)
      await ctx.db.kysely.insertInto('organization_memberships').values({ id: `orgmem_filler_${other.userId}`, organization_id: org.id, user_id: other.userId, role: 'org:member', public_metadata: '{}', created_at: 1, updated_at: 1 }).execute()
      const browser = server.browser()
      await signUp(server, browser, email)
      expect((await browser.get('/v1/client')).body.response.sessions[0].user.organization_memberships).toEqual([])
      expect((await browser.get('/v1/me/organization_invitations', { status: 'pending' })).body.response.total_count).toBe(1)
    })
  })
})
