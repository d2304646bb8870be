import type { TestServer } from '../helpers/testServer'
import type { Person } from './orgFixtures'
import { describe, expect, it } from 'vitest'
import { deletedObjectSchema, organizationDomainSchema, organizationInvitationSchema, organizationMembershipRequestSchema, organizationSuggestionSchema, paginatedSchema, parseContract } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { createTestServer } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'
import { createOrganization, orgFixture, person } from './orgFixtures'

const CONFIG = { organizations: { domains: { enabled: true } } }

function randomDomain(): string {
  return `acme-${Math.random().toString(36).slice(2, 10)}.test`
}

/** A user whose verified address is on `domain`. */
async function personAt(server: TestServer, domain: string, local = 'someone'): Promise<Person> {
  const browser = server.browser()
  const email = `${local}.${Math.random().toString(36).slice(2, 8)}@${domain}`
  const { userId, sessionId } = await signUp(server, browser, email)
  return { browser, userId, sessionId, email }
}

describeEachDb('organization domains, suggestions and membership requests', (ctx) => {
  /** An admin on `domain` whose organization has that domain verified in `mode`. */
  async function verifiedDomain(server: TestServer, mode: string) {
    const domain = randomDomain()
    const admin = await personAt(server, domain, 'boss')
    const org = await createOrganization(admin)
    const created = expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/domains`, { name: domain, enrollment_mode: mode }), organizationDomainSchema).response
    expect(created.verification?.status).toBe('verified')
    return { domain, admin, org, created }
  }

  describe('/v1/organizations/:id/domains', () => {
    it('adds an unverified domain, lists, reads and deletes it', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { org, admin } = await orgFixture(server)
      const name = randomDomain()
      const { response } = expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/domains`, { name: name.toUpperCase() }), organizationDomainSchema)
      expect(response).toMatchObject({ object: 'organization_domain', organization_id: org.id, name, enrollment_mode: 'manual_invitation', verification: null, affiliation_email_address: null, total_pending_invitations: 0 })
      const list = expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/domains`), paginatedSchema(organizationDomainSchema)).response
      expect(list).toMatchObject({ total_count: 1, data: [{ id: response.id }] })
      expect(expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/domains`, { enrollment_mode: 'automatic_invitation' }), paginatedSchema(organizationDomainSchema)).response.total_count).toBe(0)
      expect(expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/domains/${response.id}`), organizationDomainSchema).response.name).toBe(name)
      const deleted = await admin.browser.delete(`/v1/organizations/${org.id}/domains/${response.id}`)
      expect(parseContract(deletedObjectSchema, deleted.body.response, 'deleted')).toEqual({ object: 'organization_domain', id: response.id, deleted: true })
      expectError(await admin.browser.get(`/v1/organizations/${org.id}/domains/${response.id}`), 404, 'resource_not_found')
    })

    it('verifies a domain with a code sent to an address on it', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { org, admin } = await orgFixture(server)
      const name = randomDomain()
      const id = (await admin.browser.post(`/v1/organizations/${org.id}/domains`, { name })).body.response.id
      const path = `/v1/organizations/${org.id}/domains/${id}`
      expectError(await admin.browser.post(`${path}/prepare_affiliation_verification`, { affiliation_email_address: 'it@elsewhere.test' }), 422, 'organization_domain_mismatch', 'affiliation_email_address')
      const prepared = expectEnvelope(await admin.browser.post(`${path}/prepare_affiliation_verification`, { affiliation_email_address: `it@${name}` }), organizationDomainSchema).response
      expect(prepared).toMatchObject({ affiliation_email_address: `it@${name}`, affiliation_verification: { status: 'unverified', strategy: 'email_code' } })
      // clerk-js reads a domain verification's expiry as `expires_at`
      expect(prepared.affiliation_verification).toMatchObject({ expires_at: server.clock() + 600_000, expire_at: server.clock() + 600_000 })
      const code = await server.latestCode(`it@${name}`)
      expectError(await admin.browser.post(`${path}/attempt_affiliation_verification`, { code: code === '000000' ? '111111' : '000000' }), 422, 'form_code_incorrect', 'code')
      const verified = expectEnvelope(await admin.browser.post(`${path}/attempt_affiliation_verification`, { code }), organizationDomainSchema).response
      expect(verified.verification?.status).toBe('verified')
      expectError(await admin.browser.post(`${path}/prepare_affiliation_verification`, { affiliation_email_address: `it@${name}` }), 400, 'verification_already_verified')
    })

    it('verifies at once a domain on which the admin holds a verified address', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { domain, admin, created } = await verifiedDomain(server, 'manual_invitation')
      expect(created.affiliation_email_address).toBe(admin.email)
      expect(created.name).toBe(domain)
    })

    it.each([
      ['a free mail provider', 'gmail.com', 422, 'organization_domain_common'],
      ['a malformed name', 'not a domain', 422, 'form_param_format_invalid'],
      ['no name', '', 422, 'form_param_missing'],
    ])('refuses %s', async (_name, name, status, code) => {
      const server = createTestServer(ctx.db, CONFIG)
      const { org, admin } = await orgFixture(server)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/domains`, { name }), status, code, 'name')
    })

    it('refuses a domain another organization has (422 organization_domain_already_exists)', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { org, admin, outsider, otherOrg } = await orgFixture(server)
      const name = randomDomain()
      expect((await outsider.browser.post(`/v1/organizations/${otherOrg.id}/domains`, { name })).status).toBe(200)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/domains`, { name }), 422, 'organization_domain_already_exists', 'name')
    })

    it('changes the enrollment mode among the configured ones', async () => {
      const server = createTestServer(ctx.db, { organizations: { domains: { enabled: true, enrollmentModes: ['manual_invitation', 'automatic_invitation'] } } })
      const { org, admin } = await orgFixture(server)
      const id = (await admin.browser.post(`/v1/organizations/${org.id}/domains`, { name: randomDomain() })).body.response.id
      const path = `/v1/organizations/${org.id}/domains/${id}/update_enrollment_mode`
      expect(expectEnvelope(await admin.browser.post(path, { enrollment_mode: 'automatic_invitation' }), organizationDomainSchema).response.enrollment_mode).toBe('automatic_invitation')
      expectError(await admin.browser.post(path, { enrollment_mode: 'automatic_suggestion' }), 422, 'form_param_value_invalid', 'enrollment_mode')
      expectError(await admin.browser.post(path, {}), 422, 'form_param_missing', 'enrollment_mode')
    })

    it('is refused when the instance turns domains off (403)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      expectError(await admin.browser.get(`/v1/organizations/${org.id}/domains`), 403, 'resource_forbidden')
    })
  })

  describe('automatic invitations', () => {
    it('invites users with a verified address on the domain; accepting makes them members', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { domain, admin, org, created } = await verifiedDomain(server, 'automatic_invitation')
      const colleague = await personAt(server, domain)
      const counted = expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/domains/${created.id}`), organizationDomainSchema).response
      expect(counted.total_pending_invitations).toBe(1)
      const listed = expectEnvelope(await colleague.browser.get('/v1/me/organization_invitations', { status: 'pending' }), paginatedSchema(organizationInvitationSchema)).response
      expect(listed).toMatchObject({ total_count: 1, data: [{ email_address: colleague.email, role: 'org:member', status: 'pending', public_organization_data: { id: org.id } }] })
      const id = listed.data[0]!.id
      const { response, client } = expectEnvelope(await colleague.browser.post(`/v1/me/organization_invitations/${id}/accept`), organizationInvitationSchema)
      expect(response.status).toBe('accepted')
      expect(client?.sessions[0]?.user.organization_memberships).toMatchObject([{ organization: { id: org.id }, role: 'org:member' }])
      expect((await colleague.browser.get('/v1/me/organization_invitations')).body.response.total_count).toBe(0)
      expectError(await colleague.browser.post(`/v1/me/organization_invitations/${id}/accept`), 404, 'resource_not_found')
    })

    it('invites nobody through an unverified domain, nor users on other domains', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { org, admin } = await orgFixture(server)
      const name = randomDomain()
      await admin.browser.post(`/v1/organizations/${org.id}/domains`, { name, enrollment_mode: 'automatic_invitation' })
      const colleague = await personAt(server, name)
      expect((await colleague.browser.get('/v1/me/organization_invitations')).body.response.total_count).toBe(0)
      const { domain } = await verifiedDomain(server, 'automatic_invitation')
      const stranger = await personAt(server, `x${domain}`)
      expect((await stranger.browser.get('/v1/me/organization_invitations')).body.response.total_count).toBe(0)
    })
  })

  describe('changing the enrollment mode (delete_pending)', () => {
    interface Invitations { total_count: number, data: { id: string, status: string, email_address: string, role: string, expires_at: number | null, public_organization_data: { id: string } }[] }
    const pendingInvitations = async (who: Person): Promise<Invitations> =>
      expectEnvelope(await who.browser.get('/v1/me/organization_invitations', { status: 'pending' }), paginatedSchema(organizationInvitationSchema)).response as Invitations
    const changeMode = async (admin: Person, orgId: string, domainId: string, form: Record<string, string>) =>
      expectEnvelope(await admin.browser.post(`/v1/organizations/${orgId}/domains/${domainId}/update_enrollment_mode`, form), organizationDomainSchema).response

    it.each<Record<string, string>>([{}, { delete_pending: 'false' }])('keeps the invitations the domain handed out as stored ones the invitee still accepts (%o)', async (extra) => {
      const server = createTestServer(ctx.db, CONFIG)
      const { domain, admin, org, created } = await verifiedDomain(server, 'automatic_invitation')
      const colleague = await personAt(server, domain)
      const before = await pendingInvitations(colleague)
      expect(before.total_count).toBe(1)
      expect(await changeMode(admin, org.id, created.id, { enrollment_mode: 'manual_invitation', ...extra })).toMatchObject({ enrollment_mode: 'manual_invitation', total_pending_invitations: 1 })

      const after = await pendingInvitations(colleague)
      expect(after).toMatchObject({ total_count: 1, data: [{ id: before.data[0]!.id, email_address: colleague.email, role: 'org:member', status: 'pending', public_organization_data: { id: org.id } }] })
      expect(after.data[0]!.expires_at).toBe(server.clock() + server.config.organizations.invitationTtlSeconds * 1000)
      const listed = expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/invitations`, { status: 'pending' }), paginatedSchema(organizationInvitationSchema)).response
      expect(listed.data.map(invitation => invitation.email_address)).toEqual([colleague.email])
      const { response, client } = expectEnvelope(await colleague.browser.post(`/v1/me/organization_invitations/${after.data[0]!.id}/accept`), organizationInvitationSchema)
      expect(response.status).toBe('accepted')
      expect(client?.sessions[0]?.user.organization_memberships).toMatchObject([{ organization: { id: org.id }, role: 'org:member' }])
    })

    it('withdraws the pending invitations with delete_pending=true', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { domain, admin, org, created } = await verifiedDomain(server, 'automatic_invitation')
      const colleague = await personAt(server, domain)
      expect((await pendingInvitations(colleague)).total_count).toBe(1)
      await changeMode(admin, org.id, created.id, { enrollment_mode: 'automatic_suggestion', delete_pending: 'true' })
      expect((await pendingInvitations(colleague)).total_count).toBe(0)
      expect((await admin.browser.get(`/v1/organizations/${org.id}/invitations`, { status: 'pending' })).body.response.total_count).toBe(0)
      // the suggestion of the new mode is there
      expect((await colleague.browser.get('/v1/me/organization_suggestions', { status: 'pending' })).body.response.total_count).toBe(1)
    })

    it('withdraws with delete_pending=true the invitations an earlier change kept, and the pending suggestions', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { domain, admin, org, created } = await verifiedDomain(server, 'automatic_invitation')
      const colleague = await personAt(server, domain)
      expect(await changeMode(admin, org.id, created.id, { enrollment_mode: 'automatic_suggestion' })).toMatchObject({ total_pending_invitations: 1, total_pending_suggestions: 1 })
      expect((await pendingInvitations(colleague)).total_count).toBe(1)
      expect((await colleague.browser.get('/v1/me/organization_suggestions', { status: 'pending' })).body.response.total_count).toBe(1)

      expect(await changeMode(admin, org.id, created.id, { enrollment_mode: 'manual_invitation', delete_pending: 'true' })).toMatchObject({ total_pending_invitations: 0, total_pending_suggestions: 0 })
      expect((await pendingInvitations(colleague)).total_count).toBe(0)
      expect((await colleague.browser.get('/v1/me/organization_suggestions', { status: 'pending' })).body.response.total_count).toBe(0)
      expect(await ctx.db.kysely.selectFrom('organization_invitations').select('id').where('organization_id', '=', org.id).execute()).toEqual([])
    })

    it('lists a kept invitation once when the domain invites again, and leaves alone what an admin sent', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { domain, admin, org, created } = await verifiedDomain(server, 'automatic_invitation')
      const colleague = await personAt(server, domain)
      const invitedByHand = await personAt(server, domain, 'invited')
      const manual = expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: invitedByHand.email, role: 'org:admin' }), organizationInvitationSchema).response
      const first = (await pendingInvitations(colleague)).data[0]!.id
      await changeMode(admin, org.id, created.id, { enrollment_mode: 'manual_invitation' })
      await changeMode(admin, org.id, created.id, { enrollment_mode: 'automatic_invitation' })
      const again = await pendingInvitations(colleague)
      expect(again.data.map(invitation => invitation.id)).toEqual([first])
      expect((await pendingInvitations(invitedByHand)).data.map(invitation => [invitation.id, invitation.role])).toContainEqual([manual.id, 'org:admin'])

      await changeMode(admin, org.id, created.id, { enrollment_mode: 'manual_invitation', delete_pending: 'true' })
      expect((await pendingInvitations(colleague)).total_count).toBe(0)
      expect((await pendingInvitations(invitedByHand)).data.map(invitation => invitation.id)).toEqual([manual.id])
    })

    // invitations lapse after an hour here, sooner than the sessions that read them
    const LAPSING = { organizations: { domains: { enabled: true }, invitationTtlSeconds: 3600 } }

    /** Keeps the colleague's invitation, then lets that stored row lapse in the given way. */
    async function keptThenLapsed(server: TestServer, lapse: 'expired' | 'revoked') {
      const { domain, admin, org, created } = await verifiedDomain(server, 'automatic_invitation')
      const colleague = await personAt(server, domain)
      await changeMode(admin, org.id, created.id, { enrollment_mode: 'manual_invitation', delete_pending: 'false' })
      const kept = (await pendingInvitations(colleague)).data[0]!.id
      if (lapse === 'expired')
        server.clock.advance(server.config.organizations.invitationTtlSeconds * 1000 + 1000)
      else
        expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/invitations/${kept}/revoke`), organizationInvitationSchema)
      expect((await pendingInvitations(colleague)).total_count).toBe(0)
      return { admin, org, created, colleague, kept }
    }

    it.each(['expired', 'revoked'] as const)('keeps again with delete_pending=false an invitation whose earlier kept row was %s', async (lapse) => {
      const server = createTestServer(ctx.db, LAPSING)
      const { admin, org, created, colleague, kept } = await keptThenLapsed(server, lapse)
      await changeMode(admin, org.id, created.id, { enrollment_mode: 'automatic_invitation' })
      expect((await pendingInvitations(colleague)).data.map(invitation => invitation.id)).toEqual([kept])

      expect(await changeMode(admin, org.id, created.id, { enrollment_mode: 'manual_invitation', delete_pending: 'false' })).toMatchObject({ total_pending_invitations: 1 })
      const after = await pendingInvitations(colleague)
      expect(after).toMatchObject({ total_count: 1, data: [{ id: kept, status: 'pending', role: 'org:member', email_address: colleague.email }] })
      expect(after.data[0]!.expires_at).toBe(server.clock() + server.config.organizations.invitationTtlSeconds * 1000)
      const { response } = expectEnvelope(await colleague.browser.post(`/v1/me/organization_invitations/${kept}/accept`), organizationInvitationSchema)
      expect(response.status).toBe('accepted')
    })

    it.each(['expired', 'revoked'] as const)('lists a domain invitation once in every state when its earlier kept row was %s', async (lapse) => {
      const server = createTestServer(ctx.db, LAPSING)
      const { admin, org, created, colleague, kept } = await keptThenLapsed(server, lapse)
      const lapsed = expectEnvelope(await colleague.browser.get('/v1/me/organization_invitations'), paginatedSchema(organizationInvitationSchema)).response
      expect(lapsed.data.map(invitation => [invitation.id, invitation.status])).toEqual([[kept, lapse]])

      await changeMode(admin, org.id, created.id, { enrollment_mode: 'automatic_invitation' })
      for (const status of [undefined, 'pending,expired,revoked']) {
        const all = expectEnvelope(await colleague.browser.get('/v1/me/organization_invitations', status ? { status } : {}), paginatedSchema(organizationInvitationSchema)).response
        expect(all.data.map(invitation => [invitation.id, invitation.status])).toEqual([[kept, 'pending']])
        expect(all.total_count).toBe(1)
      }
    })
  })

  describe('automatic suggestions and membership requests', () => {
    it('suggests the organization; accepting asks to join; an admin accepts the request', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { domain, admin, org, created } = await verifiedDomain(server, 'automatic_suggestion')
      const colleague = await personAt(server, domain)
      const suggestions = expectEnvelope(await colleague.browser.get('/v1/me/organization_suggestions', { status: 'pending' }), paginatedSchema(organizationSuggestionSchema)).response
      expect(suggestions).toMatchObject({ total_count: 1, data: [{ status: 'pending', public_organization_data: { id: org.id, name: 'Acme' } }] })
      expect(expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/domains/${created.id}`), organizationDomainSchema).response.total_pending_suggestions).toBe(1)
      const id = suggestions.data[0]!.id
      expect(expectEnvelope(await colleague.browser.post(`/v1/me/organization_suggestions/${id}/accept`), organizationSuggestionSchema).response.status).toBe('accepted')
      // accepting twice changes nothing
      expect(expectEnvelope(await colleague.browser.post(`/v1/me/organization_suggestions/${id}/accept`), organizationSuggestionSchema).response.status).toBe('accepted')
      expect((await colleague.browser.get('/v1/me/organization_suggestions', { status: 'accepted' })).body.response.total_count).toBe(1)

      const requests = expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/membership_requests`, { status: 'pending' }), paginatedSchema(organizationMembershipRequestSchema)).response
      expect(requests).toMatchObject({ total_count: 1, data: [{ organization_id: org.id, status: 'pending', public_user_data: { user_id: colleague.userId, identifier: colleague.email } }] })
      const accepted = expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/membership_requests/${requests.data[0]!.id}/accept`), organizationMembershipRequestSchema).response
      expect(accepted.status).toBe('accepted')
      const client = (await colleague.browser.get('/v1/client')).body.response
      expect(client.sessions[0].user.organization_memberships).toMatchObject([{ organization: { id: org.id }, role: 'org:member' }])
      expect((await colleague.browser.get('/v1/me/organization_suggestions')).body.response.total_count).toBe(0)
      expectError(await admin.browser.post(`/v1/organizations/${org.id}/membership_requests/${requests.data[0]!.id}/reject`), 400, 'client_state_invalid')
    })

    it('drops the suggestion once the request is rejected', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { domain, admin, org } = await verifiedDomain(server, 'automatic_suggestion')
      const colleague = await personAt(server, domain)
      const id = (await colleague.browser.get('/v1/me/organization_suggestions')).body.response.data[0].id
      await colleague.browser.post(`/v1/me/organization_suggestions/${id}/accept`)
      const requestId = (await admin.browser.get(`/v1/organizations/${org.id}/membership_requests`)).body.response.data[0].id
      expect(expectEnvelope(await admin.browser.post(`/v1/organizations/${org.id}/membership_requests/${requestId}/reject`), organizationMembershipRequestSchema).response.status).toBe('rejected')
      expect((await colleague.browser.get('/v1/me/organization_suggestions')).body.response.total_count).toBe(0)
      expect(await ctx.db.kysely.selectFrom('organization_memberships').select('id').where('organization_id', '=', org.id).where('user_id', '=', colleague.userId).executeTakeFirst()).toBeUndefined()
    })

    it('answers 404 for a suggestion that is not the user\'s, and 422 for an unknown status', async () => {
      const server = createTestServer(ctx.db, CONFIG)
      const { domain } = await verifiedDomain(server, 'automatic_suggestion')
      const colleague = await personAt(server, domain)
      const stranger = await person(server)
      const id = (await colleague.browser.get('/v1/me/organization_suggestions')).body.response.data[0].id
      expectError(await stranger.browser.post(`/v1/me/organization_suggestions/${id}/accept`), 404, 'resource_not_found')
      expectError(await stranger.browser.get('/v1/me/organization_suggestions', { status: 'rejected' }), 422, 'form_param_value_invalid', 'status')
    })
  })
})
