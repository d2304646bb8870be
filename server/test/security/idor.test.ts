import type { TestBrowser, TestResponse } from '../helpers/testBrowser'
import type { TestServer } from '../helpers/testServer'
import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { addVerifiedPhone, enrollTotp, uniquePhone } from '../helpers/secondFactorFlows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { createOrganization, person } from '../organizations/orgFixtures'
import { databaseSnapshot } from './databaseSnapshot'

const CONFIG = { phoneNumbers: { enabled: true }, signUp: { firstName: 'optional' as const } }

/** User b1 with one of everything: a session, a second email, a verified second-factor phone, TOTP, an organization, and open sign-in and sign-up attempts. */
async function victim(server: TestServer) {
  const browser = server.browser()
  const email = uniqueEmail('b1')
  const account = await signUp(server, browser, email)
  const extraEmail = await browser.post('/v1/me/email_addresses', { email_address: uniqueEmail('b1-second') })
  const phoneId = await addVerifiedPhone(server, browser, uniquePhone())
  expect((await browser.patch(`/v1/me/phone_numbers/${phoneId}`, { reserved_for_second_factor: true })).status).toBe(200)
  const totp = await enrollTotp(server, browser)
  const org = await createOrganization({ browser, ...account }, 'B Corp')
  const invitation = await browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: uniqueEmail('b-guest'), role: 'org:member' })
  // b1's other device, half-way through a sign-in and a sign-up
  const tablet = server.browser()
  const signIn = await tablet.post('/v1/client/sign_ins', { identifier: email })
  const signUpAttempt = await server.browser().post('/v1/client/sign_ups', { email_address: uniqueEmail('b1-pending') })
  return {
    browser,
    ...account,
    emailAddressId: extraEmail.body.response.id as string,
    phoneId,
    totpId: totp.id,
    organizationId: org.id,
    invitationId: invitation.body.response.id as string,
    signInId: signIn.body.response.id as string,
    signUpId: signUpAttempt.body.response.id as string,
  }
}

type Probe = [string, (a: TestBrowser) => Promise<TestResponse>]

describeEachDb('security: IDOR across users (security.md #49, #50)', (ctx) => {
  it('answers a1 404 on every object of b1 (401 signed_out for its session\'s touch and tokens, as for an unknown id), and changes nothing', async () => {
    const server = createTestServer(ctx.db, CONFIG)
    const b = await victim(server)
    const a = await person(server, 'a1')
    const probes: Probe[] = [
      ['read b1\'s session', br => br.get(`/v1/client/sessions/${b.sessionId}`)],
      ['touch b1\'s session', br => br.post(`/v1/client/sessions/${b.sessionId}/touch`, { active_organization_id: b.organizationId })],
      ['end b1\'s session', br => br.post(`/v1/client/sessions/${b.sessionId}/end`)],
      ['remove b1\'s session', br => br.post(`/v1/client/sessions/${b.sessionId}/remove`)],
      ['revoke b1\'s session', br => br.post(`/v1/me/sessions/${b.sessionId}/revoke`)],
      ['read b1\'s email', br => br.get(`/v1/me/email_addresses/${b.emailAddressId}`)],
      ['delete b1\'s email', br => br.delete(`/v1/me/email_addresses/${b.emailAddressId}`)],
      ['prepare b1\'s email', br => br.post(`/v1/me/email_addresses/${b.emailAddressId}/prepare_verification`, { strategy: 'email_code' })],
      ['attempt b1\'s email', br => br.post(`/v1/me/email_addresses/${b.emailAddressId}/attempt_verification`, { code: '123456' })],
      ['read b1\'s phone', br => br.get(`/v1/me/phone_numbers/${b.phoneId}`)],
      ['unreserve b1\'s second-factor phone', br => br.patch(`/v1/me/phone_numbers/${b.phoneId}`, { reserved_for_second_factor: false })],
      ['delete b1\'s phone', br => br.delete(`/v1/me/phone_numbers/${b.phoneId}`)],
      ['prepare b1\'s phone', br => br.post(`/v1/me/phone_numbers/${b.phoneId}/prepare_verification`, { strategy: 'phone_code' })],
      ['attempt b1\'s phone', br => br.post(`/v1/me/phone_numbers/${b.phoneId}/attempt_verification`, { code: '123456' })],
      ['read b1\'s sign-in', br => br.get(`/v1/client/sign_ins/${b.signInId}`)],
      ['prepare b1\'s sign-in', br => br.post(`/v1/client/sign_ins/${b.signInId}/prepare_first_factor`, { strategy: 'email_code' })],
      ['password on b1\'s sign-in', br => br.post(`/v1/client/sign_ins/${b.signInId}/attempt_first_factor`, { strategy: 'password', password: GOOD_PASSWORD })],
      ['second factor on b1\'s sign-in', br => br.post(`/v1/client/sign_ins/${b.signInId}/attempt_second_factor`, { strategy: 'totp', code: '123456' })],
      ['reset on b1\'s sign-in', br => br.post(`/v1/client/sign_ins/${b.signInId}/reset_password`, { password: 'attacker-passphrase-2026' })],
      ['read b1\'s sign-up', br => br.get(`/v1/client/sign_ups/${b.signUpId}`)],
      ['update b1\'s sign-up', br => br.patch(`/v1/client/sign_ups/${b.signUpId}`, { password: 'attacker-passphrase-2026' })],
      ['prepare b1\'s sign-up', br => br.post(`/v1/client/sign_ups/${b.signUpId}/prepare_verification`, { strategy: 'email_code' })],
      ['read b1\'s organization', br => br.get(`/v1/organizations/${b.organizationId}`)],
      ['rename b1\'s organization', br => br.patch(`/v1/organizations/${b.organizationId}`, { name: 'Owned' })],
      ['delete b1\'s organization', br => br.delete(`/v1/organizations/${b.organizationId}`)],
      ['list b1\'s members', br => br.get(`/v1/organizations/${b.organizationId}/memberships`)],
      ['join b1\'s organization', br => br.post(`/v1/organizations/${b.organizationId}/memberships`, { user_id: a.userId, role: 'org:admin' })],
      ['demote b1', br => br.patch(`/v1/organizations/${b.organizationId}/memberships/${b.userId}`, { role: 'org:member' })],
      ['remove b1', br => br.delete(`/v1/organizations/${b.organizationId}/memberships/${b.userId}`)],
      ['revoke b1\'s invitation', br => br.post(`/v1/organizations/${b.organizationId}/invitations/${b.invitationId}/revoke`)],
      ['accept b1\'s invitation', br => br.post(`/v1/me/organization_invitations/${b.invitationId}/accept`)],
      ['leave b1\'s organization', br => br.delete(`/v1/me/organization_memberships/${b.organizationId}`)],
    ]
    const before = await databaseSnapshot(ctx.db)
    const answers: string[] = []
    for (const [name, probe] of probes) {
      const res = await probe(a.browser)
      answers.push(`${name}: ${res.status} ${res.body?.errors?.[0]?.code}`)
    }
    // touch answers a session that is not this client's as one that does not exist: 401 signed_out
    expect(answers.filter(answer => !answer.endsWith(': 404 resource_not_found'))).toEqual(['touch b1\'s session: 401 signed_out'])
    const unknown = await a.browser.post('/v1/client/sessions/sess_does_not_exist/touch')
    expect(`${unknown.status} ${unknown.body.errors[0].code}`).toBe('401 signed_out')

    // b1's token, b1's session named as the acting one, b1's email or phone made a1's primary
    expect((await a.browser.post(`/v1/client/sessions/${b.sessionId}/tokens`)).status).toBe(401)
    const acting = await a.browser.get('/v1/me', { _clerk_session_id: b.sessionId })
    expect(acting.status === 401 || acting.body.response.id === a.userId).toBe(true)
    expect((await a.browser.patch('/v1/me', { primary_email_address_id: b.emailAddressId })).status).toBe(422)
    expect((await a.browser.post(`/v1/client/sessions/${a.sessionId}/touch`, { active_organization_id: b.organizationId })).status).toBe(403)

    // nothing of b1's changed; a1's own rows changed at most in the session's activity time
    const after = await databaseSnapshot(ctx.db)
    for (const [table, rows] of Object.entries(after)) {
      const mentionsB = (list: string[]) => list.filter(row => [b.userId, b.sessionId, b.organizationId, b.signInId, b.signUpId].some(id => row.includes(id)))
      expect(mentionsB(rows), table).toEqual(mentionsB(before[table]!))
    }
    expect((await b.browser.get('/v1/me')).body.response.phone_numbers[0].reserved_for_second_factor).toBe(true)
  })

  it('keeps a1 the subject whatever the body or the headers claim (#50)', async () => {
    const server = createTestServer(ctx.db, CONFIG)
    const b = await person(server, 'b1')
    const a = await person(server, 'a1')
    const spoofing = { 'x-user-id': b.userId, 'x-clerk-auth-user-id': b.userId, 'x-clerk-auth-status': 'signed-in', 'x-middleware-subrequest': 'middleware', 'x-forwarded-user': b.userId }
    const res = await a.browser.send('PATCH', '/v1/me', { first_name: 'Spoofed', user_id: b.userId, id: b.userId, session_id: b.sessionId }, { headers: spoofing })
    expect(res.status).toBe(200)
    expect(res.body.response.id).toBe(a.userId)
    expect((await b.browser.get('/v1/me')).body.response.first_name).toBeNull()
    const metadata = await a.browser.send('PATCH', '/v1/me/metadata', { unsafe_metadata: '{"x":1}', user_id: b.userId }, { headers: spoofing })
    expect(metadata.body.response.id).toBe(a.userId)
    expect((await b.browser.get('/v1/me')).body.response.unsafe_metadata).toEqual({})

    // no session: identity in the body or the headers gets nobody in
    const nobody = server.browser({ headers: spoofing })
    expect((await nobody.send('PATCH', '/v1/me', { first_name: 'Spoofed', user_id: b.userId })).status).toBe(401)
    expect((await nobody.get('/v1/me', { user_id: b.userId, _clerk_session_id: b.sessionId })).status).toBe(401)
    expect((await nobody.post(`/v1/client/sessions/${b.sessionId}/tokens`, { user_id: b.userId })).status).toBe(401)
  })
})
