import { describe, expect, it } from 'vitest'
import { PNG_1X1 } from '../../server/test/helpers/imageFixtures'
import UserButton from '../../src/components/UserButton.vue'
import UserProfile from '../../src/components/UserProfile.vue'
import { expectNoAxeViolations } from './axe'
import { signInWithSdk, withUsers } from './fixtures'
import { mountWithClerk, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

const imageGroup = (wrapper: Wrapper) => wrapper.get('[role="group"][aria-label="Profile image"]')

async function signedIn() {
  const test = await withUsers(['ada@example.com'])
  await signInWithSdk(test.clerk, 'ada@example.com')
  return test
}

describe('<UserProfile> profile image', () => {
  it('uploads and removes the profile image; <UserButton> shows it meanwhile', async () => {
    const { clerk } = await signedIn()
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const input = imageGroup(wrapper).get('input[type="file"]')
    Object.defineProperty(input.element, 'files', { value: [new File([PNG_1X1], 'me.png', { type: 'image/png' })], configurable: true })
    await input.trigger('change')
    await until(() => imageGroup(wrapper).get('[role="status"]').text() === 'Your profile image was updated.')
    expect(clerk.user!.hasImage).toBe(true)
    expect(imageGroup(wrapper).get('img').attributes('src')).toBe(clerk.user!.imageUrl)
    const button = await mountWithClerk(UserButton, clerk)
    expect(button.get('img').attributes('src')).toBe(clerk.user!.imageUrl)
    await expectNoAxeViolations(imageGroup(wrapper).element)

    await imageGroup(wrapper).get('button.portico-button-link').trigger('click')
    await until(() => imageGroup(wrapper).get('[role="status"]').text() === 'Your profile image was removed.')
    expect([clerk.user!.hasImage, clerk.user!.imageUrl]).toEqual([false, ''])
    expect(imageGroup(wrapper).find('img').exists()).toBe(false)
  })
})
