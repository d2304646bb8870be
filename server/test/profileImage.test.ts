import { describe, expect, it } from 'vitest'
import { imageSchema, organizationMembershipSchema, paginatedSchema, userSchema } from '../src/contract'
import { describeEachDb } from './helpers/dbSuites'
import { signUp } from './helpers/flows'
import { fileForm, GIF_1X1, PNG_1X1, SVG_WITH_SCRIPT } from './helpers/imageFixtures'
import { createTestServer, uniqueEmail } from './helpers/testServer'
import { expectEnvelope, expectError } from './helpers/wire'
import { addMember, createOrganization, person } from './organizations/orgFixtures'

const PUBLIC_URL = 'https://auth.example.test'

describeEachDb('profile images (POST / DELETE /v1/me/profile_image)', (ctx) => {
  async function signedIn() {
    const server = createTestServer(ctx.db, { publicUrl: PUBLIC_URL })
    const browser = server.browser()
    const email = uniqueEmail()
    const account = await signUp(server, browser, email)
    return { server, browser, email, account }
  }
  const imagePath = (url: string) => url.slice(PUBLIC_URL.length)

  it('uploads an image: answers the Image, and the user in the piggybacked client points at it', async () => {
    const { server, browser, account } = await signedIn()
    const { response, client } = expectEnvelope(await browser.upload('POST', '/v1/me/profile_image', fileForm(PNG_1X1, 'image/png', 'me.png')), imageSchema)
    expect(response).toMatchObject({ object: 'image', id: expect.stringMatching(/^img_/), name: 'me.png', public_url: `${PUBLIC_URL}/v1/images/${response.id}` })
    const user = client?.sessions[0]?.user
    expect([user?.id, user?.has_image, user?.image_url]).toEqual([account.userId, true, response.public_url])
    expect(client?.sessions[0]?.public_user_data.image_url).toBe(response.public_url)
    const served = await server.app.request(imagePath(response.public_url))
    expect([served.status, served.headers.get('content-type'), served.headers.get('x-content-type-options')]).toEqual([200, 'image/png', 'nosniff'])
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG_1X1)
  })

  it('shows the image on the sign-in screen: user_data of a new sign-in attempt points at it', async () => {
    const { server, browser, email } = await signedIn()
    const { response } = expectEnvelope(await browser.upload('POST', '/v1/me/profile_image', fileForm(PNG_1X1)), imageSchema)
    const other = server.browser()
    const res = await other.post('/v1/client/sign_ins', { identifier: email })
    expect(res.status).toBe(200)
    expect(res.body.response.user_data).toMatchObject({ image_url: response.public_url, has_image: true })
  })

  it('replaces the image (the old URL answers 404) and removes it; removing again is 404', async () => {
    const { server, browser } = await signedIn()
    const first = expectEnvelope(await browser.upload('POST', '/v1/me/profile_image', fileForm(PNG_1X1)), imageSchema).response
    const second = expectEnvelope(await browser.upload('POST', '/v1/me/profile_image', fileForm(GIF_1X1, 'image/gif', 'me.gif')), imageSchema).response
    expect((await server.app.request(imagePath(first.public_url))).status).toBe(404)
    const { response, client } = expectEnvelope(await browser.delete('/v1/me/profile_image'), imageSchema)
    expect(response.id).toBe(second.id)
    expect([client?.sessions[0]?.user.has_image, client?.sessions[0]?.user.image_url]).toEqual([false, ''])
    expect((await server.app.request(imagePath(second.public_url))).status).toBe(404)
    expectError(await browser.delete('/v1/me/profile_image'), 404, 'resource_not_found')
    expect(expectEnvelope(await browser.get('/v1/me'), userSchema).response.has_image).toBe(false)
  })

  it('shows the image to the other members (public_user_data)', async () => {
    const { server, browser, account } = await signedIn()
    const uploaded = expectEnvelope(await browser.upload('POST', '/v1/me/profile_image', fileForm(PNG_1X1)), imageSchema).response
    const admin = await person(server, 'admin')
    const org = await createOrganization(admin)
    await addMember(admin, org.id, account.userId)
    const members = expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}/memberships`, { paginated: 'true' }), paginatedSchema(organizationMembershipSchema)).response
    expect(members.data.find(m => m.public_user_data?.user_id === account.userId)?.public_user_data).toMatchObject({ has_image: true, image_url: uploaded.public_url })
  })

  it('refuses what is not a PNG, JPEG, GIF or WebP (422) and a missing file (422)', async () => {
    const { browser } = await signedIn()
    expectError(await browser.upload('POST', '/v1/me/profile_image', fileForm(SVG_WITH_SCRIPT, 'image/svg+xml', 'me.svg')), 422, 'form_param_format_invalid', 'file')
    expectError(await browser.post('/v1/me/profile_image', {}), 422, 'form_param_missing', 'file')
    expect(expectEnvelope(await browser.get('/v1/me'), userSchema).response.has_image).toBe(false)
  })

  it('takes a base64 string as clerk-js sends it (application/octet-stream)', async () => {
    const { browser } = await signedIn()
    const { response } = expectEnvelope(await browser.upload('POST', '/v1/me/profile_image', PNG_1X1.toString('base64')), imageSchema)
    expect(response.public_url).toContain('/v1/images/img_')
  })

  it('answers 401 without a session, and the image goes with a deleted account', async () => {
    const { server, browser } = await signedIn()
    expectError(await server.browser().upload('POST', '/v1/me/profile_image', fileForm(PNG_1X1)), 401, 'authentication_invalid')
    expectError(await server.browser().delete('/v1/me/profile_image'), 401, 'authentication_invalid')
    const uploaded = expectEnvelope(await browser.upload('POST', '/v1/me/profile_image', fileForm(PNG_1X1)), imageSchema).response
    expect((await browser.delete('/v1/me')).status).toBe(200)
    expect((await server.app.request(imagePath(uploaded.public_url))).status).toBe(404)
  })
})

describe('image upload body limits', () => {
  it('keeps octet-stream bodies to the upload routes (415 elsewhere)', async () => {
    const { createDb } = await import('../src/db/createDb')
    const { migrate } = await import('../src/db/migrate')
    const db = await createDb({ url: 'sqlite::memory:' })
    await migrate(db)
    const server = createTestServer(db)
    expectError(await server.browser().upload('POST', '/v1/client/sign_ins', PNG_1X1.toString('base64')), 415, 'unsupported_content_type')
    await db.destroy()
  })
})
