import { describe, expect, it } from 'vitest'
import { GIF_1X1, PNG_1X1, SVG_WITH_SCRIPT } from '../../server/test/helpers/imageFixtures'
import OrganizationList from '../../src/components/OrganizationList.vue'
import OrganizationProfile from '../../src/components/OrganizationProfile.vue'
import OrganizationSwitcher from '../../src/components/OrganizationSwitcher.vue'
import { IMAGE_UPLOAD_MAX_BYTES } from '../../src/contract'
import { adaAndBob } from '../core/organizations/orgTestHelpers'
import { APP_ORIGIN } from '../helpers/createTestClerk'
import { expectNoAxeViolations } from './axe'
import { mountWithClerk, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

const general = (wrapper: Wrapper) => wrapper.findAll('section.portico-section').find(candidate => candidate.get('h2').text() === 'General')!
const logoGroup = (wrapper: Wrapper) => general(wrapper).find('[role="group"][aria-label="Logo"]')

/** Picks a file in the logo's file input, as a person does through the file dialog. */
async function choose(wrapper: Wrapper, file: File): Promise<void> {
  const input = logoGroup(wrapper).get('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

/** What the server serves at an image URL it handed out. */
async function served(server: Awaited<ReturnType<typeof adaAndBob>>['server'], url: string) {
  expect(url.startsWith(`${APP_ORIGIN}/v1/images/`)).toBe(true)
  const response = await server.app.fetch(new Request(url.replace(APP_ORIGIN, 'http://localhost')))
  return { status: response.status, type: response.headers.get('content-type') }
}

describe('<OrganizationProfile> logo', () => {
  it('uploads a logo: the preview becomes the served image, and removing it brings the initials back', async () => {
    const { ada, server } = await adaAndBob()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    const group = logoGroup(wrapper)
    expect(group.exists()).toBe(true)
    expect(group.get('input[type="file"]').attributes('accept')).toBe('image/png,image/jpeg,image/gif,image/webp')
    expect(group.find('img').exists()).toBe(false)
    expect(group.get('.portico-avatar-initials').text()).toBe('A')
    expect(group.find('button.portico-button-link').exists()).toBe(false)

    await choose(wrapper, new File([PNG_1X1], 'logo.png', { type: 'image/png' }))
    await until(() => logoGroup(wrapper).get('[role="status"]').text() === 'The logo was updated.')
    const url = ada.clerk.organization!.imageUrl
    expect(ada.clerk.organization!.hasImage).toBe(true)
    expect(logoGroup(wrapper).get('img').attributes('src')).toBe(url)
    expect(await served(server, url)).toEqual({ status: 200, type: 'image/png' })

    await logoGroup(wrapper).get('button.portico-button-link').trigger('click')
    await until(() => logoGroup(wrapper).get('[role="status"]').text() === 'The logo was removed.')
    expect(ada.clerk.organization!.hasImage).toBe(false)
    expect(logoGroup(wrapper).find('img').exists()).toBe(false)
    expect((await served(server, url)).status).toBe(404)
  })

  it('refuses an unsupported type or an over-large file before sending anything', async () => {
    const { ada } = await adaAndBob()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    const sent = () => ada.browser.requests.filter(request => request.endsWith('/logo')).length

    await choose(wrapper, new File([SVG_WITH_SCRIPT], 'logo.svg', { type: 'image/svg+xml' }))
    await until(() => logoGroup(wrapper).get('[role="alert"]').text() === 'This file type is not supported. Choose a PNG, JPEG, GIF or WebP image.')
    await choose(wrapper, new File([new Uint8Array(IMAGE_UPLOAD_MAX_BYTES + 1)], 'big.png', { type: 'image/png' }))
    await until(() => logoGroup(wrapper).get('[role="alert"]').text() === 'This file is larger than 2 MB. Choose a smaller image.')
    expect(sent()).toBe(0)
    expect(ada.clerk.organization!.hasImage).toBe(false)
  })

  it('shows the server\'s refusal of a file that only claims to be an image', async () => {
    const { ada } = await adaAndBob()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await choose(wrapper, new File(['<html><script>alert(1)</script></html>'], 'logo.png', { type: 'image/png' }))
    await until(() => logoGroup(wrapper).get('[role="alert"]').text() === 'This file type is not supported. Choose a PNG, JPEG, GIF or WebP image.')
    expect(ada.browser.requests).toContain(`PUT /v1/organizations/${ada.clerk.organization!.id}/logo`)
    expect(ada.clerk.organization!.hasImage).toBe(false)
    expect(logoGroup(wrapper).find('img').exists()).toBe(false)
  })

  it('offers no upload to a member without org:sys_profile:manage, but shows the logo', async () => {
    const { ada, bob, org, bobId } = await adaAndBob()
    await org.setLogo({ file: new Blob([GIF_1X1], { type: 'image/gif' }) })
    await org.addMember({ userId: bobId, role: 'org:member' })
    await bob.clerk.setActive({ organization: org.id })
    const wrapper = await mountWithClerk(OrganizationProfile, bob.clerk)
    expect(logoGroup(wrapper).exists()).toBe(false)
    expect(general(wrapper).find('input[type="file"]').exists()).toBe(false)
    expect(general(wrapper).get('img').attributes('src')).toBe(ada.clerk.organization!.imageUrl)
  })

  it('has no axe violations', async () => {
    const { ada, org } = await adaAndBob()
    await org.setLogo({ file: new Blob([PNG_1X1], { type: 'image/png' }) })
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await until(() => logoGroup(wrapper).find('img').exists())
    await expectNoAxeViolations(general(wrapper).element)
  })
})

describe('organization avatars show the logo', () => {
  it('in <OrganizationSwitcher> and <OrganizationList>', async () => {
    const { ada, org } = await adaAndBob()
    await org.setLogo({ file: new Blob([PNG_1X1], { type: 'image/png' }) })
    const url = ada.clerk.organization!.imageUrl
    const switcher = await mountWithClerk(OrganizationSwitcher, ada.clerk)
    expect(switcher.get('img').attributes('src')).toBe(url)
    const list = await mountWithClerk(OrganizationList, ada.clerk)
    await until(() => list.findAll('img').some(img => img.attributes('src') === url))
  })
})

describe('avatars whose image does not load', () => {
  it('fall back to the initials', async () => {
    const { ada, org } = await adaAndBob()
    await org.setLogo({ file: new Blob([PNG_1X1], { type: 'image/png' }) })
    const switcher = await mountWithClerk(OrganizationSwitcher, ada.clerk)
    await switcher.get('img').trigger('error')
    expect(switcher.find('img').exists()).toBe(false)
    expect(switcher.get('.portico-avatar-initials').text()).toBe('A')
  })
})
