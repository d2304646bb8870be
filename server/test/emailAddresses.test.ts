import { expect, it } from 'vitest'
import { emailAddressSchema, userSchema } from '../src/contract'
import { describeEachDb } from './helpers/dbSuites'
import { signInWithPassword, signUp } from './helpers/flows'
import { createTestServer, uniqueEmail } from './helpers/testServer'
import { expectEnvelope, expectError } from './helpers/wire'

describeEachDb('email addresses', (ctx) => {
  async function signedIn() {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const account = await signUp(server, browser, uniqueEmail())
    return { server, browser, account }
  }

  it('adds, verifies and promotes an address to primary', async () => {
    const { server, browser } = await signedIn()
    const email = uniqueEmail('second')
    const added = expectEnvelope(await browser.post('/v1/me/email_addresses/', { email_address: email }), emailAddressSchema).response
    expect(added).toMatchObject({ object: 'email_address', email_address: email, verification: null })
    const prepared = expectEnvelope(await browser.post(`/v1/me/email_addresses/${added.id}/prepare_verification`, { strategy: 'email_code' }), emailAddressSchema).response
    expect(prepared.verification).toMatchObject({ status: 'unverified', strategy: 'email_code' })
    const verified = expectEnvelope(await browser.post(`/v1/me/email_addresses/${added.id}/attempt_verification`, { code: await server.latestCode(email) }), emailAddressSchema)
    expect(verified.response.verification?.status).toBe('verified')
    expect(verified.client?.sessions[0]?.user.email_addresses.map(address => address.email_address)).toContain(email)
    const { response } = expectEnvelope(await browser.patch('/v1/me', { primary_email_address_id: added.id }), userSchema)
    expect(response.primary_email_address_id).toBe(added.id)
  })

  it('signs in with a verified second address, not with an unverified one', async () => {
    const { server, browser, account } = await signedIn()
    const verified = uniqueEmail('verified')
    const pending = uniqueEmail('pending')
    const id = (await browser.post('/v1/me/email_addresses', { email_address: verified })).body.response.id
    await browser.post(`/v1/me/email_addresses/${id}/prepare_verification`, { strategy: 'email_code' })
    await browser.post(`/v1/me/email_addresses/${id}/attempt_verification`, { code: await server.latestCode(verified) })
    await browser.post('/v1/me/email_addresses', { email_address: pending })
    const other = server.browser()
    expect(await signInWithPassword(other, verified, account.password)).toMatch(/^sess_/)
    expectError(await server.browser().post('/v1/client/sign_ins', { identifier: pending }), 422, 'form_identifier_not_found')
  })

  it('reads and deletes an address', async () => {
    const { browser } = await signedIn()
    const id = (await browser.post('/v1/me/email_addresses', { email_address: uniqueEmail() })).body.response.id
    expect(expectEnvelope(await browser.get(`/v1/me/email_addresses/${id}`), emailAddressSchema).response.id).toBe(id)
    const res = await browser.delete(`/v1/me/email_addresses/${id}`)
    expect(res.body.response).toEqual({ object: 'email_address', id, deleted: true })
    expectError(await browser.get(`/v1/me/email_addresses/${id}`), 404, 'resource_not_found')
  })

  it('refuses to delete the primary address', async () => {
    const { browser } = await signedIn()
    const primary = (await browser.get('/v1/me')).body.response.primary_email_address_id
    expectError(await browser.delete(`/v1/me/email_addresses/${primary}`), 403, 'resource_forbidden')
  })

  it('refuses an address another account holds, or a malformed one', async () => {
    const { server, browser } = await signedIn()
    const other = await signUp(server, server.browser(), uniqueEmail())
    expectError(await browser.post('/v1/me/email_addresses', { email_address: other.email }), 422, 'form_identifier_exists', 'email_address')
    expectError(await browser.post('/v1/me/email_addresses', { email_address: 'not-an-email' }), 422, 'form_param_format_invalid', 'email_address')
    expectError(await browser.post('/v1/me/email_addresses', {}), 422, 'form_param_missing', 'email_address')
  })

  it('does not let an unverified claim block the address\'s real owner', async () => {
    const { server, browser } = await signedIn()
    const contested = uniqueEmail('contested')
    await browser.post('/v1/me/email_addresses', { email_address: contested })
    const owner = server.browser()
    await signUp(server, owner, contested)
    expect((await browser.get('/v1/me')).body.response.email_addresses.map((address: { email_address: string }) => address.email_address)).not.toContain(contested)
  })

  it('hides other users\' addresses (404)', async () => {
    const { server, browser } = await signedIn()
    const other = server.browser()
    await signUp(server, other, uniqueEmail())
    const theirs = (await other.get('/v1/me')).body.response.primary_email_address_id
    expectError(await browser.get(`/v1/me/email_addresses/${theirs}`), 404, 'resource_not_found')
    expectError(await browser.delete(`/v1/me/email_addresses/${theirs}`), 404, 'resource_not_found')
  })

  it('refuses a wrong code and a replayed one', async () => {
    const { server, browser } = await signedIn()
    const email = uniqueEmail()
    const id = (await browser.post('/v1/me/email_addresses', { email_address: email })).body.response.id
    await browser.post(`/v1/me/email_addresses/${id}/prepare_verification`, { strategy: 'email_code' })
    const code = await server.latestCode(email)
    expectError(await browser.post(`/v1/me/email_addresses/${id}/attempt_verification`, { code: code === '999999' ? '000000' : '999999' }), 422, 'form_code_incorrect')
    expect((await browser.post(`/v1/me/email_addresses/${id}/attempt_verification`, { code })).status).toBe(200)
    expectError(await browser.post(`/v1/me/email_addresses/${id}/attempt_verification`, { code }), 400, 'verification_already_verified')
    expectError(await browser.post(`/v1/me/email_addresses/${id}/prepare_verification`, { strategy: 'email_code' }), 400, 'verification_already_verified')
  })
})
