import type { TestBrowser } from '../helpers/testBrowser'
import type { TestServer } from '../helpers/testServer'
import type { Person } from './orgFixtures'
import { randomBytes } from 'node:crypto'
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { signInSchema, signUpSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { enrollTotp, totpCode } from '../helpers/secondFactorFlows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'
import { latestMail, orgFixture, person } from './orgFixtures'

const DAY = 24 * 3600 * 1000

/** The link of the latest invitation email to `email`, parsed. */
async function invitationLink(server: TestServer, email: string): Promise<URL> {
  const { body } = await latestMail(server, email)
  const link = /https?:\/\/\S+/.exec(body)?.[0]
  if (!link)
    throw new Error(`no link in the mail to ${email}: ${body}`)
  return new URL(link)
}

/** Invites `email` into the admin's organization and returns the invitation id and the emailed ticket. */
async function invite(server: TestServer, admin: Person, organizationId: string, email: string, role = 'org:member', extra: Record<string, string> = {}) {
  const res = await admin.browser.post(`/v1/organizations/${organizationId}/invitations`, { email_address: email, role, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  const link = await invitationLink(server, email)
  return { id: res.body.response.id as string, link, ticket: link.searchParams.get('__clerk_ticket')! }
}

async function membershipsOf(server: TestServer, userId: string) {
  return server.db.kysely.selectFrom('organization_memberships').select(['organization_id', 'role']).where('user_id', '=', userId).orderBy('created_at').execute()
}

async function invitationState(server: TestServer, id: string): Promise<string> {
  return (await server.db.kysely.selectFrom('organization_invitations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
}

async function mailCount(server: TestServer, email: string): Promise<number> {
  return (await server.db.kysely.selectFrom('dev_inbox').select('id').where('to_address', '=', email).execute()).length
}

describeEachDb('invitation tickets (__clerk_ticket)', (ctx) => {
  describe('the invitation email', () => {
    it('links new addresses to the sign-up page and accounts to the sign-in page, each with its own ticket', async () => {
      const server = createTestServer(ctx.db, { signUpUrl: '/sign-up', signInUrl: 'https://accounts.example.com/login', allowedOrigins: ['http://localhost:5173'] })
      const { org, admin } = await orgFixture(server)
      const newcomer = await invite(server, admin, org.id, uniqueEmail('newcomer'))
      expect(`${newcomer.link.origin}${newcomer.link.pathname}`).toBe('http://localhost:5173/sign-up')
      expect(newcomer.link.searchParams.get('__clerk_status')).toBe('sign_up')
      const existing = await person(server, 'existing')
      const known = await invite(server, admin, org.id, existing.email)
      expect(`${known.link.origin}${known.link.pathname}`).toBe('https://accounts.example.com/login')
      expect(known.link.searchParams.get('__clerk_status')).toBe('sign_in')
      expect(known.ticket).not.toBe(newcomer.ticket)
    })

    it('is a JWT naming the invitation (Clerk\'s sid and st claims), HS256 so it never passes for a session token', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const { id, ticket } = await invite(server, admin, org.id, uniqueEmail())
      expect(decodeProtectedHeader(ticket).alg).toBe('HS256')
      const claims = decodeJwt(ticket)
      expect(claims).toMatchObject({ sid: id, st: 'organization_invitation', exp: Math.floor((server.clock() + 30 * DAY) / 1000) })
    })

    it('leads to the inviter\'s redirect_url when it is on an allowed origin, and refuses any other', async () => {
      const server = createTestServer(ctx.db, { allowedOrigins: ['http://localhost:5173', 'https://*.example.com'] })
      const { org, admin } = await orgFixture(server)
      const email = uniqueEmail()
      const { link } = await invite(server, admin, org.id, email, 'org:member', { redirect_url: 'https://team.example.com/accept?from=mail' })
      expect(`${link.origin}${link.pathname}`).toBe('https://team.example.com/accept')
      expect(link.searchParams.get('from')).toBe('mail')
      expect(link.searchParams.get('__clerk_status')).toBe('sign_up')
      for (const redirect of ['https://evil.test/accept', '/relative', 'javascript:alert(1)']) {
        const other = uniqueEmail()
        expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: other, role: 'org:member', redirect_url: redirect }), 400, 'invalid_redirect_url', 'redirect_url')
        expectError(await admin.browser.post(`/v1/organizations/${org.id}/invitations/bulk`, { email_address: [other], role: 'org:member', redirect_url: redirect }), 400, 'invalid_redirect_url', 'redirect_url')
        expect(await mailCount(server, other)).toBe(0)
      }
    })
  })

  it('shows the link as a link on the dev inbox page', async () => {
    const server = createTestServer(ctx.db)
    const { org, admin } = await orgFixture(server)
    const { link } = await invite(server, admin, org.id, uniqueEmail())
    const page = await (await server.app.request('/dev/inbox')).text()
    expect(page).toContain(`<a href="${link.href.replaceAll('&', '&amp;')}">`)
  })

  describe('sign-up with strategy=ticket', () => {
    it('takes the invited address already verified, completes without an email code and joins with the invited role', async () => {
      const server = createTestServer(ctx.db, { signUp: { firstName: 'optional' } })
      const { org, admin } = await orgFixture(server)
      const email = uniqueEmail('invitee')
      const { id, ticket } = await invite(server, admin, org.id, email, 'org:admin')
      const browser = server.browser()
      const created = expectEnvelope(await browser.post('/v1/client/sign_ups', { strategy: 'ticket', ticket, first_name: 'Grace' }), signUpSchema).response
      expect(created).toMatchObject({ status: 'missing_requirements', email_address: email, first_name: 'Grace', missing_fields: ['password'], unverified_fields: [] })
      expect(created.verifications?.email_address).toMatchObject({ status: 'verified', strategy: 'ticket' })
      expect(await invitationState(server, id)).toBe('pending')

      const { response, client } = expectEnvelope(await browser.patch(`/v1/client/sign_ups/${created.id}`, { password: GOOD_PASSWORD }), signUpSchema)
      expect(response.status).toBe('complete')
      expect(client?.sessions[0]?.user.email_addresses).toMatchObject([{ email_address: email, verification: { status: 'verified', strategy: 'ticket' } }])
      expect(client?.sessions[0]?.user.organization_memberships).toMatchObject([{ organization: { id: org.id }, role: 'org:admin' }])
      expect(await membershipsOf(server, response.created_user_id!)).toEqual([{ organization_id: org.id, role: 'org:admin' }])
      expect(await invitationState(server, id)).toBe('accepted')
      // the invitation was the only mail: no verification code went out
      expect(await mailCount(server, email)).toBe(1)
    })

    it('completes in one call when the ticket comes with every required field', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const email = uniqueEmail()
      const { id, ticket } = await invite(server, admin, org.id, email)
      const { response } = expectEnvelope(await server.browser().post('/v1/client/sign_ups', { strategy: 'ticket', ticket, password: GOOD_PASSWORD }), signUpSchema)
      expect(response).toMatchObject({ status: 'complete', email_address: email })
      expect(await membershipsOf(server, response.created_user_id!)).toEqual([{ organization_id: org.id, role: 'org:member' }])
      expect(await invitationState(server, id)).toBe('accepted')
    })

    it('accepts the ticket on an update too, replacing the address the sign-up had', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const email = uniqueEmail()
      const { ticket } = await invite(server, admin, org.id, email)
      const browser = server.browser()
      const created = expectEnvelope(await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail('typo'), password: GOOD_PASSWORD }), signUpSchema).response
      expect(created.unverified_fields).toEqual(['email_address'])
      const { response } = expectEnvelope(await browser.patch(`/v1/client/sign_ups/${created.id}`, { strategy: 'ticket', ticket }), signUpSchema)
      expect(response).toMatchObject({ status: 'complete', email_address: email })
      expect(await membershipsOf(server, response.created_user_id!)).toEqual([{ organization_id: org.id, role: 'org:member' }])
    })

    it('refuses an address that already has an account (sign in instead)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const existing = await person(server)
      const { id, ticket } = await invite(server, admin, org.id, existing.email)
      expectError(await server.browser().post('/v1/client/sign_ups', { strategy: 'ticket', ticket, password: GOOD_PASSWORD }), 400, 'organization_invitation_identification_already_exists')
      expect(await invitationState(server, id)).toBe('pending')
    })
  })

  describe('sign-in with strategy=ticket', () => {
    it('signs an existing user in and accepts the invitation with its role', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const existing = await person(server, 'existing')
      await existing.browser.delete('/v1/client/sessions')
      const { id, ticket } = await invite(server, admin, org.id, existing.email, 'org:admin')
      const { response, client } = expectEnvelope(await existing.browser.post('/v1/client/sign_ins', { strategy: 'ticket', ticket }), signInSchema)
      expect(response).toMatchObject({ status: 'complete', identifier: existing.email, first_factor_verification: { status: 'verified', strategy: 'ticket' } })
      expect(client?.sessions.map(session => session.id)).toEqual([response.created_session_id])
      expect(client?.sessions[0]?.user.id).toBe(existing.userId)
      expect(client?.sessions[0]?.user.organization_memberships).toMatchObject([{ organization: { id: org.id }, role: 'org:admin' }])
      expect(await invitationState(server, id)).toBe('accepted')
    })

    it('asks a user with a second factor for it first, and accepts the invitation only then', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const email = uniqueEmail('mfa')
      const owner = server.browser()
      const account = await signUp(server, owner, email)
      const totp = await enrollTotp(server, owner)
      await owner.delete('/v1/client/sessions')
      const { id, ticket } = await invite(server, admin, org.id, email)
      const browser = server.browser()
      const started = expectEnvelope(await browser.post('/v1/client/sign_ins', { strategy: 'ticket', ticket }), signInSchema)
      expect(started.response).toMatchObject({ status: 'needs_second_factor', created_session_id: null })
      expect(started.client?.sessions).toEqual([])
      expect(await membershipsOf(server, account.userId)).toEqual([])
      expect(await invitationState(server, id)).toBe('pending')

      const { response } = expectEnvelope(await browser.post(`/v1/client/sign_ins/${started.response.id}/attempt_second_factor`, { strategy: 'totp', code: totpCode(totp.secret, server.clock()) }), signInSchema)
      expect(response.status).toBe('complete')
      expect(await membershipsOf(server, account.userId)).toEqual([{ organization_id: org.id, role: 'org:member' }])
      expect(await invitationState(server, id)).toBe('accepted')
    })

    it('accepts the invitation of the account signed in here and names its session (single-session mode)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const existing = await person(server, 'signedin')
      const { id, ticket } = await invite(server, admin, org.id, existing.email, 'org:admin')
      const res = await existing.browser.post('/v1/client/sign_ins', { strategy: 'ticket', ticket })
      expectError(res, 400, 'identifier_already_signed_in')
      expect(res.body.errors[0].meta.session_id).toBe(existing.sessionId)
      expect(await membershipsOf(server, existing.userId)).toEqual([{ organization_id: org.id, role: 'org:admin' }])
      expect(await invitationState(server, id)).toBe('accepted')
      // the link cannot be used twice
      expectError(await existing.browser.post('/v1/client/sign_ins', { strategy: 'ticket', ticket }), 400, 'organization_invitation_already_accepted')
    })

    it('accepts the invitation of an account signed in here besides the active one (multi-session mode)', async () => {
      const server = createTestServer(ctx.db, { sessionMode: 'multi' })
      const { org, admin } = await orgFixture(server)
      const browser = server.browser()
      const invitee = await signUp(server, browser, uniqueEmail('invitee'))
      await signUp(server, browser, uniqueEmail('other'))
      const { id, ticket } = await invite(server, admin, org.id, invitee.email)
      const res = await browser.post('/v1/client/sign_ins', { strategy: 'ticket', ticket })
      expectError(res, 400, 'identifier_already_signed_in')
      expect(res.body.errors[0].meta.session_id).toBe(invitee.sessionId)
      expect(await membershipsOf(server, invitee.userId)).toEqual([{ organization_id: org.id, role: 'org:member' }])
      expect(await invitationState(server, id)).toBe('accepted')
    })

    it('leaves the invitation pending when someone else is signed in (single-session mode: session_exists)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin, outsider } = await orgFixture(server)
      const invitee = await person(server, 'invitee')
      const { id, ticket } = await invite(server, admin, org.id, invitee.email)
      expectError(await outsider.browser.post('/v1/client/sign_ins', { strategy: 'ticket', ticket }), 400, 'session_exists')
      expect(await membershipsOf(server, invitee.userId)).toEqual([])
      expect(await invitationState(server, id)).toBe('pending')
    })

    it('refuses an address without an account (sign up instead)', async () => {
      const server = createTestServer(ctx.db)
      const { org, admin } = await orgFixture(server)
      const { id, ticket } = await invite(server, admin, org.id, uniqueEmail('nobody'))
      expectError(await server.browser().post('/v1/client/sign_ins', { strategy: 'ticket', ticket }), 400, 'organization_invitation_identification_not_exist')
      expect(await invitationState(server, id)).toBe('pending')
    })
  })

  describe('tickets that no longer work', () => {
    type Attempt = (browser: TestBrowser, ticket: string) => Promise<Awaited<ReturnType<TestBrowser['post']>>>
    const flows: [string, Attempt][] = [
      ['sign-up', (browser, ticket) => browser.post('/v1/client/sign_ups', { strategy: 'ticket', ticket, password: GOOD_PASSWORD })],
      ['sign-in', (browser, ticket) => browser.post('/v1/client/sign_ins', { strategy: 'ticket', ticket })],
    ]

    /** An invitation for an address that has an account when `flow` is sign-in, none when it is sign-up. */
    async function invited(server: TestServer, flow: string) {
      const fixture = await orgFixture(server)
      const email = flow === 'sign-in' ? (await person(server, 'holder')).email : uniqueEmail('holder')
      return { ...fixture, email, ...await invite(server, fixture.admin, fixture.org.id, email) }
    }

    it.each(flows)('%s: a revoked invitation answers organization_invitation_revoked_code', async (flow, attempt) => {
      const server = createTestServer(ctx.db)
      const { org, admin, id, ticket } = await invited(server, flow)
      expect((await admin.browser.post(`/v1/organizations/${org.id}/invitations/${id}/revoke`)).status).toBe(200)
      expectError(await attempt(server.browser(), ticket), 400, 'organization_invitation_revoked_code')
    })

    it.each(flows)('%s: a used ticket answers organization_invitation_already_accepted', async (flow, attempt) => {
      const server = createTestServer(ctx.db)
      const { ticket } = await invited(server, flow)
      expect((await attempt(server.browser(), ticket)).status).toBe(200)
      expectError(await attempt(server.browser(), ticket), 400, 'organization_invitation_already_accepted')
    })

    it.each(flows)('%s: an expired invitation answers ticket_expired_code', async (flow, attempt) => {
      const server = createTestServer(ctx.db, { organizations: { invitationTtlSeconds: 3600 } })
      const { id, ticket } = await invited(server, flow)
      server.clock.advance(3600 * 1000)
      expectError(await attempt(server.browser(), ticket), 400, 'ticket_expired_code', 'ticket')
      expect(await invitationState(server, id)).toBe('pending')
    })

    it.each(flows)('%s: a forged, altered or foreign ticket answers ticket_invalid_code; none at all form_param_missing', async (flow, attempt) => {
      const server = createTestServer(ctx.db)
      const { ticket } = await invited(server, flow)
      const [header, payload, signature] = ticket.split('.') as [string, string, string]
      const claims = decodeJwt(ticket)
      const otherInvitation = Buffer.from(JSON.stringify({ ...claims, sid: 'orginv_someone_else' })).toString('base64url')
      const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`
      // the same claims signed with another key: another server's ticket
      const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(randomBytes(32))
      for (const bad of [`${header}.${otherInvitation}.${signature}`, `${header}.${payload}.${flipped}`, unsigned, foreign, 'not-a-ticket', 'x'.repeat(3000)])
        expectError(await attempt(server.browser(), bad), 400, 'ticket_invalid_code', 'ticket')
      expectError(await attempt(server.browser(), ''), 422, 'form_param_missing', 'ticket')
      expect((await attempt(server.browser(), ticket)).status).toBe(200)
    })
  })
})
