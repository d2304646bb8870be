import type { TestServer } from '../helpers/testServer'
import type { Person } from './orgFixtures'
import { describe, expect, it } from 'vitest'
import { IMAGE_UPLOAD_MAX_BYTES, organizationInvitationSchema, organizationSchema, paginatedSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { fileForm, GIF_1X1, jpegOfSize, PNG_1X1, SVG_WITH_SCRIPT, WEBP_HEADER } from '../helpers/imageFixtures'
import { createTestServer } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'
import { orgFixture, person } from './orgFixtures'

const PUBLIC_URL = 'https://auth.example.test'

/** Fetches an image URL the API handed out, from the same app (the path below the public URL). */
async function fetchImage(server: TestServer, url: string, headers: Record<string, string> = {}): Promise<Response> {
  expect(url.startsWith(`${PUBLIC_URL}/v1/images/img_`)).toBe(true)
  return server.app.request(url.slice(PUBLIC_URL.length), { headers })
}

function upload(admin: Person, organizationId: string, body: FormData | string, contentType?: string) {
  return admin.browser.upload('PUT', `/v1/organizations/${organizationId}/logo`, body, contentType)
}

describeEachDb('organization logos (PUT / DELETE /v1/organizations/:id/logo, GET /v1/images/:id)', (ctx) => {
  const server = () => createTestServer(ctx.db, { publicUrl: PUBLIC_URL })

  describe('as an admin', () => {
    it('uploads a logo: the organization and the piggybacked client point at it, and it is served as uploaded', async () => {
      const app = server()
      const { org, admin } = await orgFixture(app)
      expect([org.has_image, org.image_url]).toEqual([false, ''])
      const { response, client } = expectEnvelope(await upload(admin, org.id, fileForm(PNG_1X1)), organizationSchema)
      expect(response.has_image).toBe(true)
      expect(response.updated_at).toBeGreaterThanOrEqual(org.updated_at)
      const membership = client?.sessions[0]?.user.organization_memberships.find(m => m.organization.id === org.id)
      expect(membership?.organization).toMatchObject({ has_image: true, image_url: response.image_url })

      const image = await fetchImage(app, response.image_url)
      expect(image.status).toBe(200)
      expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG_1X1)
      expect(Object.fromEntries(['content-type', 'content-length', 'x-content-type-options', 'cache-control', 'cross-origin-resource-policy'].map(name => [name, image.headers.get(name)]))).toEqual({
        'content-type': 'image/png',
        'content-length': String(PNG_1X1.byteLength),
        'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=31536000, immutable',
        'cross-origin-resource-policy': 'cross-origin',
      })
      expect(image.headers.get('content-security-policy')).toContain('sandbox')
      const etag = image.headers.get('etag')!
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/)
      const again = await fetchImage(app, response.image_url, { 'if-none-match': etag })
      expect([again.status, await again.text()]).toEqual([304, ''])

      // every member sees it on GET as well
      expect(expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}`), organizationSchema).response.image_url).toBe(response.image_url)
    })

    it('serves the type the bytes show, whatever the upload claimed', async () => {
      const app = server()
      const { org, admin } = await orgFixture(app)
      for (const [bytes, type] of [[GIF_1X1, 'image/gif'], [WEBP_HEADER, 'image/webp'], [jpegOfSize(64), 'image/jpeg']] as const) {
        const { response } = expectEnvelope(await upload(admin, org.id, fileForm(bytes, 'application/octet-stream', 'x.bin')), organizationSchema)
        expect((await fetchImage(app, response.image_url)).headers.get('content-type')).toBe(type)
      }
    })

    it('replaces the logo: a new URL, and the old one answers 404', async () => {
      const app = server()
      const { org, admin } = await orgFixture(app)
      const first = expectEnvelope(await upload(admin, org.id, fileForm(PNG_1X1)), organizationSchema).response
      const second = expectEnvelope(await upload(admin, org.id, fileForm(GIF_1X1, 'image/gif', 'logo.gif')), organizationSchema).response
      expect(second.image_url).not.toBe(first.image_url)
      expect((await fetchImage(app, first.image_url)).status).toBe(404)
      expect((await fetchImage(app, second.image_url)).status).toBe(200)
      const stored = await ctx.db.kysely.selectFrom('images').select('id').where('organization_id', '=', org.id).execute()
      expect(stored).toHaveLength(1)
    })

    it('removes the logo (idempotently): has_image false, empty URL, the image is gone', async () => {
      const app = server()
      const { org, admin } = await orgFixture(app)
      const uploaded = expectEnvelope(await upload(admin, org.id, fileForm(PNG_1X1)), organizationSchema).response
      const { response, client } = expectEnvelope(await admin.browser.delete(`/v1/organizations/${org.id}/logo`), organizationSchema)
      expect([response.has_image, response.image_url]).toEqual([false, ''])
      expect(client?.sessions[0]?.user.organization_memberships.find(m => m.organization.id === org.id)?.organization.has_image).toBe(false)
      expect((await fetchImage(app, uploaded.image_url)).status).toBe(404)
      expect(expectEnvelope(await admin.browser.delete(`/v1/organizations/${org.id}/logo`), organizationSchema).response.has_image).toBe(false)
    })

    it('takes a string file as clerk-js sends it: application/octet-stream with base64 or a data: URL', async () => {
      const app = server()
      const { org, admin } = await orgFixture(app)
      const bare = expectEnvelope(await upload(admin, org.id, GIF_1X1.toString('base64')), organizationSchema).response
      expect((await fetchImage(app, bare.image_url)).headers.get('content-type')).toBe('image/gif')
      const dataUrl = expectEnvelope(await upload(admin, org.id, `data:image/png;base64,${PNG_1X1.toString('base64')}`), organizationSchema).response
      const served = await fetchImage(app, dataUrl.image_url)
      expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG_1X1)
      expectError(await upload(admin, org.id, 'not base64 at all!'), 422, 'form_param_format_invalid', 'file')
    })

    it.each([
      ['an SVG (scripts)', SVG_WITH_SCRIPT, 'image/svg+xml', 'logo.svg'],
      ['HTML that claims to be a PNG', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png', 'logo.png'],
      ['a text file', Buffer.from('hello'), 'text/plain', 'logo.txt'],
    ])('refuses %s with 422 form_param_format_invalid, changing nothing', async (_name, bytes, type, name) => {
      const app = server()
      const { org, admin } = await orgFixture(app)
      expectError(await upload(admin, org.id, fileForm(bytes, type, name)), 422, 'form_param_format_invalid', 'file')
      expect(expectEnvelope(await admin.browser.get(`/v1/organizations/${org.id}`), organizationSchema).response.has_image).toBe(false)
      expect(await ctx.db.kysely.selectFrom('images').select('id').where('organization_id', '=', org.id).execute()).toEqual([])
    })

    it('refuses an upload without a file (422 form_param_missing)', async () => {
      const app = server()
      const { org, admin } = await orgFixture(app)
      expectError(await upload(admin, org.id, fileForm(PNG_1X1, 'image/png', 'logo.png', 'other')), 422, 'form_param_missing', 'file')
      expectError(await admin.browser.put(`/v1/organizations/${org.id}/logo`, {}), 422, 'form_param_missing', 'file')
      expectError(await upload(admin, org.id, fileForm(new Uint8Array(0))), 422, 'form_param_missing', 'file')
    })

    it(`accepts an image of ${IMAGE_UPLOAD_MAX_BYTES} bytes (above the 1 MiB limit of other routes) and refuses one byte more (413)`, async () => {
      const app = server()
      const { org, admin } = await orgFixture(app)
      const largest = expectEnvelope(await upload(admin, org.id, fileForm(jpegOfSize(IMAGE_UPLOAD_MAX_BYTES), 'image/jpeg', 'big.jpg')), organizationSchema).response
      const served = await fetchImage(app, largest.image_url)
      expect(served.headers.get('content-length')).toBe(String(IMAGE_UPLOAD_MAX_BYTES))
      expectError(await upload(admin, org.id, fileForm(jpegOfSize(IMAGE_UPLOAD_MAX_BYTES + 1), 'image/jpeg', 'big.jpg')), 413, 'payload_too_large', 'file')
      // far beyond: the body itself is refused before it is read in full
      expectError(await upload(admin, org.id, fileForm(jpegOfSize(4 * IMAGE_UPLOAD_MAX_BYTES), 'image/jpeg', 'huge.jpg')), 413, 'payload_too_large')
      // the larger limit belongs to the upload routes only
      expectError(await admin.browser.upload('POST', '/v1/organizations', fileForm(jpegOfSize(1024 * 1024 + 1))), 413, 'payload_too_large')
    })

    it('shows the logo to invitees (public_organization_data) and drops the images with the organization', async () => {
      const app = server()
      const { org, admin } = await orgFixture(app)
      const invitee = await person(app, 'invitee')
      const uploaded = expectEnvelope(await upload(admin, org.id, fileForm(PNG_1X1)), organizationSchema).response
      expect((await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: invitee.email, role: 'org:member' })).status).toBe(200)
      const invitations = expectEnvelope(await invitee.browser.get('/v1/me/organization_invitations'), paginatedSchema(organizationInvitationSchema)).response
      expect(invitations.data[0]?.public_organization_data).toMatchObject({ id: org.id, has_image: true, image_url: uploaded.image_url })

      expect((await admin.browser.delete(`/v1/organizations/${org.id}`)).status).toBe(200)
      expect((await fetchImage(app, uploaded.image_url)).status).toBe(404)
      expect(await ctx.db.kysely.selectFrom('images').select('id').where('organization_id', '=', org.id).execute()).toEqual([])
    })
  })

  describe('authorization', () => {
    async function snapshot(organizationId: string): Promise<string> {
      const org = await ctx.db.kysely.selectFrom('organizations').selectAll().where('id', '=', organizationId).executeTakeFirst()
      const images = await ctx.db.kysely.selectFrom('images').select(['id', 'sha256']).where('organization_id', '=', organizationId).execute()
      return JSON.stringify({ org, images })
    }

    it('refuses a member without org:sys_profile:manage (403), changing nothing', async () => {
      const app = server()
      const { org, admin, member } = await orgFixture(app)
      expect((await upload(admin, org.id, fileForm(PNG_1X1))).status).toBe(200)
      const before = await snapshot(org.id)
      expectError(await upload(member, org.id, fileForm(GIF_1X1, 'image/gif')), 403, 'missing_organization_permission')
      expectError(await member.browser.delete(`/v1/organizations/${org.id}/logo`), 403, 'missing_organization_permission')
      expect(await snapshot(org.id)).toBe(before)
    })

    it('answers 404 to a member of another organization, and 401 without a session, changing nothing', async () => {
      const app = server()
      const { org, admin, outsider } = await orgFixture(app)
      expect((await upload(admin, org.id, fileForm(PNG_1X1))).status).toBe(200)
      const before = await snapshot(org.id)
      expectError(await upload(outsider, org.id, fileForm(GIF_1X1, 'image/gif')), 404, 'resource_not_found')
      expectError(await outsider.browser.delete(`/v1/organizations/${org.id}/logo`), 404, 'resource_not_found')
      const anonymous = app.browser()
      expectError(await anonymous.upload('PUT', `/v1/organizations/${org.id}/logo`, fileForm(GIF_1X1, 'image/gif')), 401, 'authentication_invalid')
      expectError(await anonymous.delete(`/v1/organizations/${org.id}/logo`), 401, 'authentication_invalid')
      expect(await snapshot(org.id)).toBe(before)
    })

    it('refuses a cross-site upload (origin_invalid) before reading it', async () => {
      const app = server()
      const { org, admin } = await orgFixture(app)
      const res = await admin.browser.send('PUT', `/v1/organizations/${org.id}/logo`, undefined, { body: fileForm(PNG_1X1), headers: { origin: 'https://evil.example' } })
      expectError(res, 400, 'origin_invalid')
    })

    it('answers 404 for an unknown image id', async () => {
      const app = server()
      const res = await app.app.request('/v1/images/img_doesnotexist')
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toContain('application/json')
    })
  })
})
