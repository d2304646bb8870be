import { describe, expect, it } from 'vitest'
import SignIn from '../../src/components/SignIn.vue'
import { TEST_PASSWORD } from '../helpers/signUpTestUser'
import { expectNoAxeViolations } from './axe'
import { withUsers } from './fixtures'
import { mountWithClerk, until } from './mountWithClerk'

async function submitIdentifier(wrapper: Awaited<ReturnType<typeof mountWithClerk>>, identifier: string) {
  await wrapper.get('input[name="identifier"]').setValue(identifier)
  await wrapper.get('form').trigger('submit')
}

describe('<SignIn> with a password', () => {
  it('asks for the identifier first, labelled and autocompleted as a username', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    const input = wrapper.get('input[name="identifier"]')
    expect(input.attributes('autocomplete')).toBe('username')
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Email address')
    expect(wrapper.get('h1').text()).toBe('Sign in')
  })

  it('signs in with identifier then password and redirects once', async () => {
    const { clerk, email, navigations } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    await submitIdentifier(wrapper, email)
    await until(() => wrapper.find('input[name="password"]').exists())
    expect(wrapper.get('input[name="password"]').attributes('autocomplete')).toBe('current-password')
    expect(wrapper.text()).toContain(email)
    await wrapper.get('input[name="password"]').setValue(TEST_PASSWORD)
    await wrapper.get('form').trigger('submit')
    await until(() => navigations.length > 0)
    expect(clerk.isSignedIn).toBe(true)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe(email)
    expect(navigations).toEqual(['/'])
  })

  it('shows a wrong password at the password field and announces it', async () => {
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    await submitIdentifier(wrapper, email)
    await until(() => wrapper.find('input[name="password"]').exists())
    await wrapper.get('input[name="password"]').setValue('not-the-Password-9')
    await wrapper.get('form').trigger('submit')
    const input = () => wrapper.get('input[name="password"]')
    await until(() => input().attributes('aria-invalid') === 'true')
    const error = wrapper.get(`#${input().attributes('aria-describedby')}`)
    expect(error.text()).toBe('That password is incorrect. Try again, or use another method.')
    expect(error.attributes('aria-live')).toBe('polite')
    expect(document.activeElement).toBe(input().element)
    expect(wrapper.get('[role="alert"]').text()).toBe('')
    expect(clerk.isSignedIn).toBe(false)
  })

  it('shows an unknown identifier at the identifier field', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    await submitIdentifier(wrapper, 'nobody@example.com')
    const input = () => wrapper.get('input[name="identifier"]')
    await until(() => input().attributes('aria-invalid') === 'true')
    expect(wrapper.get(`#${input().attributes('aria-describedby')}`).text()).toBe('We couldn’t find an account with that identifier.')
  })

  it('shows an error that names no field of the form above it (a locked account)', async () => {
    const { clerk, email } = await withUsers(['ada@example.com'], { lockout: { maxAttempts: 3, durationSeconds: 600 } })
    const wrapper = await mountWithClerk(SignIn, clerk)
    await submitIdentifier(wrapper, email)
    await until(() => wrapper.find('input[name="password"]').exists())
    for (let attempt = 0; attempt < 4; attempt++) {
      await wrapper.get('input[name="password"]').setValue(`wrong-Password-${attempt}`)
      await wrapper.get('form').trigger('submit')
      await until(() => wrapper.find('[aria-invalid="true"]').exists() || wrapper.get('[role="alert"]').text() !== '')
    }
    await until(() => wrapper.get('[role="alert"]').text() !== '')
    expect(wrapper.get('[role="alert"]').text()).toBe('Your account is locked after too many failed attempts. Please try again later.')
  })

  it('moves the focus to the first field of each new step', async () => {
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    expect(document.activeElement).toBe(wrapper.get('input[name="identifier"]').element)
    await submitIdentifier(wrapper, email)
    await until(() => wrapper.find('input[name="password"]').exists())
    expect(document.activeElement).toBe(wrapper.get('input[name="password"]').element)
  })

  it('goes back to the identifier step with "Change"', async () => {
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    await submitIdentifier(wrapper, email)
    await until(() => wrapper.find('input[name="password"]').exists())
    await wrapper.get('.portico-identity button').trigger('click')
    await until(() => wrapper.find('input[name="identifier"]').exists())
  })

  it('has no axe violations on the identifier and the password steps', async () => {
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    await expectNoAxeViolations(wrapper.element)
    await submitIdentifier(wrapper, email)
    await until(() => wrapper.find('input[name="password"]').exists())
    await expectNoAxeViolations(wrapper.element)
  })
})
