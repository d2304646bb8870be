import { describe, expect, it } from 'vitest'
import UserProfile from '../../src/components/UserProfile.vue'
import { createTestClerk } from '../helpers/createTestClerk'
import { TEST_PASSWORD } from '../helpers/signUpTestUser'
import { expectNoAxeViolations } from './axe'
import { signInWithSdk, withUsers } from './fixtures'
import { mountWithClerk, settle, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

const NAMES = { signUp: { firstName: 'optional' as const, lastName: 'optional' as const, username: 'optional' as const } }

async function signedIn(config = {}) {
  const test = await withUsers(['ada@example.com', 'bob@example.com'], config)
  await signInWithSdk(test.clerk, 'ada@example.com')
  return test
}

const section = (wrapper: Wrapper, title: string) => wrapper.findAll('section.portico-section').find(candidate => candidate.get('h2').text() === title)!
const button = (wrapper: Wrapper, text: string) => wrapper.findAll('button').find(candidate => candidate.text() === text)!

describe('<UserProfile> profile', () => {
  it('saves the names and announces it', async () => {
    const { clerk } = await signedIn(NAMES)
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const profile = section(wrapper, 'Profile')
    await profile.get('input[name="first_name"]').setValue('Ada')
    await profile.get('input[name="last_name"]').setValue('Lovelace')
    await profile.get('form').trigger('submit')
    await until(() => profile.get('form [role="status"]').text() === 'Your profile was updated.')
    expect(clerk.user?.fullName).toBe('Ada Lovelace')
  })

  it('shows a taken username at the username field', async () => {
    const { clerk, server } = await signedIn(NAMES)
    const bob = createTestClerk(server)
    await signInWithSdk(bob.clerk, 'bob@example.com')
    await bob.clerk.user!.update({ username: 'countess' })
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const profile = section(wrapper, 'Profile')
    await profile.get('input[name="username"]').setValue('countess')
    await profile.get('form').trigger('submit')
    await until(() => profile.get('input[name="username"]').attributes('aria-invalid') === 'true')
    expect(profile.text()).toContain('That username is taken. Please try another.')
  })

  it('renders nothing when signed out, and a busy card while loading', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(UserProfile, clerk, { waitForLoad: false })
    expect(wrapper.get('[role="status"]').text()).toBe('Loading…')
    await clerk.load()
    await settle()
    expect(wrapper.find('section').exists()).toBe(false)
  })

  it('has no axe violations', async () => {
    const { clerk } = await signedIn(NAMES)
    const wrapper = await mountWithClerk(UserProfile, clerk)
    await until(() => wrapper.find('.portico-section .portico-list-item').exists())
    await expectNoAxeViolations(wrapper.element)
  })
})

describe('<UserProfile> email addresses', () => {
  it('adds an address, verifies it with the mailed code, makes it primary and removes the old one', async () => {
    const { clerk, server } = await signedIn()
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const emails = () => section(wrapper, 'Email addresses')
    await emails().get('input[name="email_address"]').setValue('ada@work.example')
    await emails().get('form').trigger('submit')
    await until(() => emails().find('input[name="code"]').exists())
    expect(emails().text()).toContain('Enter the code sent to ada@work.example')
    expect(emails().text()).toContain('Unverified')
    await emails().get('input[name="code"]').setValue(await server.latestCode('ada@work.example'))
    await until(() => emails().get('[role="status"]').text() === 'ada@work.example is verified.')
    expect(emails().text()).not.toContain('Unverified')

    await button(wrapper, 'Make primary').trigger('click')
    await until(() => clerk.user?.primaryEmailAddress?.emailAddress === 'ada@work.example')
    await settle()
    const old = emails().findAll('li').find(row => row.text().startsWith('ada@example.com'))!
    expect(old.text()).not.toContain('Primary')
    await old.get('button[aria-label="Remove ada@example.com"]').trigger('click')
    await until(() => clerk.user?.emailAddresses.length === 1)
    await settle()
    expect(emails().get('[role="status"]').text()).toBe('ada@example.com was removed.')
    expect(emails().findAll('li').map(row => row.text())).toEqual([expect.stringContaining('ada@work.example')])
  })

  it('shows an address someone else has at the add field', async () => {
    const { clerk } = await signedIn()
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const emails = section(wrapper, 'Email addresses')
    await emails.get('input[name="email_address"]').setValue('bob@example.com')
    await emails.get('form').trigger('submit')
    await until(() => emails.get('input[name="email_address"]').attributes('aria-invalid') === 'true')
    expect(emails.text()).toContain('That email address is taken. Please try another.')
  })

  it('shows a wrong code at the code field', async () => {
    const { clerk } = await signedIn()
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const emails = section(wrapper, 'Email addresses')
    await emails.get('input[name="email_address"]').setValue('ada@work.example')
    await emails.get('form').trigger('submit')
    await until(() => emails.find('input[name="code"]').exists())
    await emails.get('input[name="code"]').setValue('000000')
    await until(() => emails.get('input[name="code"]').attributes('aria-invalid') === 'true')
    expect(emails.text()).toContain('That code is incorrect.')
  })

  it('offers no "Remove" for the primary address', async () => {
    const { clerk } = await signedIn()
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const row = section(wrapper, 'Email addresses').get('li')
    expect(row.text()).toContain('Primary')
    expect(row.find('button').exists()).toBe(false)
  })
})

describe('<UserProfile> password', () => {
  it('shows a wrong current password at that field', async () => {
    const { clerk } = await signedIn()
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const password = section(wrapper, 'Password')
    await password.get('input[name="current_password"]').setValue('not-the-Password-9')
    await password.get('input[name="new_password"]').setValue('another-Long-passphrase-5')
    await password.get('input[name="confirm_password"]').setValue('another-Long-passphrase-5')
    await password.get('form').trigger('submit')
    await until(() => password.get('input[name="current_password"]').attributes('aria-invalid') === 'true')
    expect(password.get('input[name="current_password"]').attributes('autocomplete')).toBe('current-password')
  })

  it('changes the password and signs out the other devices', async () => {
    const { clerk, server } = await signedIn()
    const laptop = createTestClerk(server)
    await signInWithSdk(laptop.clerk, 'ada@example.com')
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const sessions = () => section(wrapper, 'Active devices')
    await until(() => sessions().findAll('li').length === 2)
    const password = section(wrapper, 'Password')
    expect((password.get('input[type="checkbox"]').element as HTMLInputElement).checked).toBe(true)
    await password.get('input[name="current_password"]').setValue(TEST_PASSWORD)
    await password.get('input[name="new_password"]').setValue('another-Long-passphrase-5')
    await password.get('input[name="confirm_password"]').setValue('another-Long-passphrase-5')
    await password.get('form').trigger('submit')
    await until(() => password.get('[role="status"]').text() === 'Your password was updated.')
    await until(() => sessions().findAll('li').length === 1)
    expect(sessions().get('li').text()).toContain('This device')
    expect((await laptop.clerk.session!.reload()).status).toBe('revoked')
  })

  it('sets a first password for an account without one', async () => {
    const { clerk, server } = await withUsers([], { signUp: { password: 'optional' } })
    await clerk.load()
    const signUp = clerk.client!.signUp
    await signUp.create({ emailAddress: 'nopass@example.com' })
    await signUp.prepareEmailAddressVerification()
    await signUp.attemptEmailAddressVerification({ code: await server.latestCode('nopass@example.com') })
    await clerk.setActive({ session: signUp.createdSessionId })
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const password = section(wrapper, 'Password')
    expect(password.findAll('input[type="password"]').map(input => input.attributes('name'))).toEqual(['new_password', 'confirm_password'])
    expect(password.get('button[type="submit"]').text()).toBe('Set a password')
    await password.get('input[name="new_password"]').setValue('another-Long-passphrase-5')
    await password.get('input[name="confirm_password"]').setValue('another-Long-passphrase-5')
    await password.get('form').trigger('submit')
    await until(() => password.get('[role="status"]').text() === 'Your password was updated.')
    expect(clerk.user?.passwordEnabled).toBe(true)
    expect(password.get('button[type="submit"]').text()).toBe('Change password')
  })
})

describe('<UserProfile> active devices', () => {
  it('lists this device and another one, and signs the other one out', async () => {
    const { clerk, server } = await signedIn()
    const laptop = createTestClerk(server)
    await signInWithSdk(laptop.clerk, 'ada@example.com')
    const wrapper = await mountWithClerk(UserProfile, clerk)
    const sessions = () => section(wrapper, 'Active devices')
    await until(() => sessions().findAll('li').length === 2)
    const other = sessions().findAll('li').find(row => !row.text().includes('This device'))!
    expect(other.text()).toContain('Last active')
    await other.get('button').trigger('click')
    await until(() => sessions().findAll('li').length === 1)
    expect(sessions().get('[role="status"]').text()).toBe('The device was signed out.')
    expect((await laptop.clerk.session!.reload()).status).toBe('revoked')
  })
})

describe('<UserProfile> delete account', () => {
  it('deletes the account only once the phrase is typed, then leaves', async () => {
    const { clerk, navigations } = await signedIn()
    const wrapper = await mountWithClerk(UserProfile, clerk, { props: { afterDeleteUrl: '/goodbye' } })
    const danger = section(wrapper, 'Delete account')
    const submit = danger.get('button[type="submit"]')
    expect(submit.attributes('disabled')).toBeDefined()
    expect(danger.get('label').text()).toBe('Type “Delete account” to confirm')
    await danger.get('input').setValue('delete account')
    expect(submit.attributes('disabled')).toBeDefined()
    await danger.get('input').setValue('Delete account')
    expect(submit.attributes('disabled')).toBeUndefined()
    await danger.get('form').trigger('submit')
    await until(() => navigations.includes('/goodbye'))
    expect(clerk.isSignedIn).toBe(false)
    const again = clerk.client!.signIn
    await expect(again.create({ identifier: 'ada@example.com' })).rejects.toThrow()
  })

  it('is not offered when the instance does not allow it', async () => {
    const { clerk } = await signedIn({ allowDeleteSelf: false })
    const wrapper = await mountWithClerk(UserProfile, clerk)
    expect(wrapper.findAll('h2').map(heading => heading.text())).toEqual(['Profile', 'Email addresses', 'Password', 'Two-step verification', 'Active devices'])
  })
})
