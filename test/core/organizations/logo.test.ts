// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { GIF_1X1, PNG_1X1, SVG_WITH_SCRIPT } from '../../../server/test/helpers/imageFixtures'
import { APP_ORIGIN } from '../../helpers/createTestClerk'
import { adaAndBob, apiError } from './orgTestHelpers'

/** The bytes and type an image URL the server handed out serves (the URL is on the app's origin, behind /__clerk). */
async function served(server: Awaited<ReturnType<typeof adaAndBob>>['server'], url: string): Promise<{ status: number, type: string | null, bytes: Buffer }> {
  expect(url.startsWith(`${APP_ORIGIN}/v1/images/img_`)).toBe(true)
  const response = await server.app.fetch(new Request(url))
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) }
}

describe('organization.setLogo', () => {
  it('uploads a File: the resource, clerk.organization and the user\'s membership show it; null removes it', async () => {
    const { ada, org, server } = await adaAndBob()
    expect([org.hasImage, org.imageUrl]).toEqual([false, ''])
    const file = new File([PNG_1X1], 'logo.png', { type: 'image/png' })
    const result = await org.setLogo({ file })
    expect(result).toBe(org)
    expect(org.hasImage).toBe(true)
    expect(ada.clerk.organization?.imageUrl).toBe(org.imageUrl)
    expect(ada.clerk.user?.organizationMemberships[0]?.organization.hasImage).toBe(true)
    expect(await served(server, org.imageUrl)).toEqual({ status: 200, type: 'image/png', bytes: PNG_1X1 })
    expect(ada.browser.requests).toContain(`PUT /v1/organizations/${org.id}/logo`)

    const previous = org.imageUrl
    await org.setLogo({ file: null })
    expect([org.hasImage, org.imageUrl, ada.clerk.organization?.hasImage]).toEqual([false, '', false])
    expect((await served(server, previous)).status).toBe(404)
    expect(ada.browser.requests).toContain(`DELETE /v1/organizations/${org.id}/logo`)
  })

  it('uploads a Blob and a base64 string (plain or a data: URL), as ClerkJS accepts them', async () => {
    const { org, server } = await adaAndBob()
    await org.setLogo({ file: new Blob([GIF_1X1], { type: 'image/gif' }) })
    expect((await served(server, org.imageUrl)).type).toBe('image/gif')
    await org.setLogo({ file: PNG_1X1.toString('base64') })
    expect(await served(server, org.imageUrl)).toMatchObject({ type: 'image/png', bytes: PNG_1X1 })
    await org.setLogo({ file: `data:image/gif;base64,${GIF_1X1.toString('base64')}` })
    expect(await served(server, org.imageUrl)).toMatchObject({ type: 'image/gif', bytes: GIF_1X1 })
  })

  it('rejects an SVG with form_param_format_invalid at `file`, and a member with missing_organization_permission', async () => {
    const { org, bob, bobId } = await adaAndBob()
    const svg = await apiError(() => org.setLogo({ file: new File([SVG_WITH_SCRIPT], 'logo.svg', { type: 'image/svg+xml' }) }))
    expect([svg.status, svg.errors[0]?.code, svg.errors[0]?.meta?.paramName]).toEqual([422, 'form_param_format_invalid', 'file'])

    await org.addMember({ userId: bobId, role: 'org:member' })
    await bob.clerk.setActive({ organization: org.id })
    const refused = await apiError(() => bob.clerk.organization!.setLogo({ file: new Blob([PNG_1X1], { type: 'image/png' }) }))
    expect([refused.status, refused.errors[0]?.code]).toEqual([403, 'missing_organization_permission'])
    expect((await org.reload()).hasImage).toBe(false)
  })
})

describe('user.setProfileImage', () => {
  it('uploads and removes the profile image; clerk.user follows', async () => {
    const { ada, server } = await adaAndBob()
    const image = await ada.clerk.user!.setProfileImage({ file: new File([PNG_1X1], 'me.png', { type: 'image/png' }) })
    expect(image).toEqual({ id: expect.stringMatching(/^img_/), name: 'me.png', publicUrl: `${APP_ORIGIN}/v1/images/${image.id}` })
    expect([ada.clerk.user!.hasImage, ada.clerk.user!.imageUrl]).toEqual([true, image.publicUrl])
    expect(await served(server, image.publicUrl)).toEqual({ status: 200, type: 'image/png', bytes: PNG_1X1 })

    const removed = await ada.clerk.user!.setProfileImage({ file: null })
    expect(removed.id).toBe(image.id)
    expect([ada.clerk.user!.hasImage, ada.clerk.user!.imageUrl]).toEqual([false, ''])
    const again = await apiError(() => ada.clerk.user!.setProfileImage({ file: null }))
    expect([again.status, again.errors[0]?.code]).toEqual([404, 'resource_not_found'])
  })
})
