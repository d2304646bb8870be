import { describe, expect, it } from 'vitest'
import SignUp from '../../src/components/SignUp.vue'
import { createTestClerk, createTestServer } from '../helpers/createTestClerk'
import { TEST_PASSWORD } from '../helpers/signUpTestUser'
import { expectNoAxeViolations } from './axe'
import { signInWithSdk, withUsers } from './fixtures'
import { mountWithClerk, settle, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

async function freshBrowser(config = {}) {
  const server = await createTestServer(config)
  return { server, ...createTestClerk(server) }
}

async function fillAndSubmit(wrapper: Wrapper, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values))
    await wrapper.get(`input[name="${name}"]`).setValue(value)
  await wrapper.get('form').trigger('submit')
}

const label = (wrapper: Wrapper, name: string) => wrapper.get(`label[for="${wrapper.get(`input[name="${name}"]`).attributes('id')}"]`).text()

describe('<SignUp>', () => {
  it('asks for the fields the instance offers, marking optional ones', async () => {
    const { clerk } = await freshBrowser({ signUp: { firstName: 'optional', lastName: 'required', username: 'optional' } })
    const wrapper = await mountWithClerk(SignUp, clerk)
    const names = wrapper.findAll('input').map(input => input.attributes('name'))
    expect(names).toEqual(['first_name', 'last_name', 'username', 'email_address', 'password'])
    const autocomplete = wrapper.findAll('input').map(input => input.attributes('autocomplete'))
    expect(autocomplete).toEqual(['given-name', 'family-name', 'username', 'email', 'new-password'])
    expect(label(wrapper, 'first_name')).toBe('First name')
    expect(wrapper.get('input[name="first_name"]').attributes('required')).toBeUndefined()
    expect(wrapper.get('input[name="last_name"]').attributes('required')).toBeDefined()
    expect(wrapper.findAll('.portico-hint').map(hint => hint.text())).toEqual(['Optional', 'Optional'])
    await expectNoAxeViolations(wrapper.element)
  })

  it('creates the account, verifies the email code and redirects once signed in', async () => {
    const { server, clerk, navigations } = await freshBrowser()
    const wrapper = await mountWithClerk(SignUp, clerk)
    await fillAndSubmit(wrapper, { email_address: 'grace@example.com', password: TEST_PASSWORD })
    await until(() => wrapper.find('input[name="code"]').exists())
    expect(wrapper.get('h1').text()).toBe('Verify your email')
    expect(wrapper.text()).toContain('grace@example.com')
    await expectNoAxeViolations(wrapper.element)
    await wrapper.get('input[name="code"]').setValue(await server.latestCode('grace@example.com'))
    await until(() => navigations.length > 0)
    expect(navigations).toEqual(['/'])
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('grace@example.com')
  })

  it('shows a taken email address at the email field', async () => {
    const { clerk } = await withUsers(['ada@example.com'])
    const wrapper = await mountWithClerk(SignUp, clerk)
    await fillAndSubmit(wrapper, { email_address: 'ada@example.com', password: TEST_PASSWORD })
    const input = () => wrapper.get('input[name="email_address"]')
    await until(() => input().attributes('aria-invalid') === 'true')
    expect(wrapper.get(`#${input().attributes('aria-describedby')}`).text()).toBe('That email address is taken. Please try another.')
    expect(document.activeElement).toBe(input().element)
  })

  it('shows a common password at the password field', async () => {
    const { clerk } = await freshBrowser()
    const wrapper = await mountWithClerk(SignUp, clerk)
    await fillAndSubmit(wrapper, { email_address: 'grace@example.com', password: 'password123' })
    const input = () => wrapper.get('input[name="password"]')
    await until(() => input().attributes('aria-invalid') === 'true')
    expect(wrapper.get(`#${input().attributes('aria-describedby')}`).text()).toBe('This password has appeared in a data breach. Please choose another one.')
  })

  it('shows a wrong code at the code field', async () => {
    const { clerk } = await freshBrowser()
    const wrapper = await mountWithClerk(SignUp, clerk)
    await fillAndSubmit(wrapper, { email_address: 'grace@example.com', password: TEST_PASSWORD })
    await until(() => wrapper.find('input[name="code"]').exists())
    await wrapper.get('input[name="code"]').setValue('000000')
    await until(() => wrapper.get('input[name="code"]').attributes('aria-invalid') === 'true')
    expect(wrapper.get('.portico-field-error').text()).toBe('That code is incorrect.')
  })

  it('continues an unfinished sign-up: verifies the email, then asks for what is missing', async () => {
    const { server, clerk, navigations } = await freshBrowser()
    await clerk.load()
    await clerk.client!.signUp.create({ emailAddress: 'grace@example.com' })
    const wrapper = await mountWithClerk(SignUp, clerk)
    await until(() => wrapper.find('input[name="code"]').exists())
    await wrapper.get('input[name="code"]').setValue(await server.latestCode('grace@example.com'))
    await until(() => wrapper.get('h1').text() === 'Fill in the missing fields')
    expect(wrapper.findAll('input').map(input => input.attributes('name'))).toEqual(['password'])
    await fillAndSubmit(wrapper, { password: TEST_PASSWORD })
    await until(() => navigations.length > 0)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('grace@example.com')
  })

  it('starts over from the code step with an empty form', async () => {
    const { clerk } = await freshBrowser()
    await clerk.load()
    await clerk.client!.signUp.create({ emailAddress: 'grace@example.com', password: TEST_PASSWORD })
    const wrapper = await mountWithClerk(SignUp, clerk)
    await until(() => wrapper.find('input[name="code"]').exists())
    await wrapper.findAll('button').find(button => button.text() === 'Start over')!.trigger('click')
    await settle()
    expect(wrapper.find('input[name="email_address"]').exists()).toBe(true)
    await fillAndSubmit(wrapper, { email_address: 'hopper@example.com', password: TEST_PASSWORD })
    await until(() => wrapper.find('input[name="code"]').exists())
    expect(wrapper.text()).toContain('hopper@example.com')
  })

  it('asks for consent to the terms when the instance requires it', async () => {
    const { server, clerk, navigations } = await freshBrowser({ signUp: { legalConsent: true } })
    const wrapper = await mountWithClerk(SignUp, clerk)
    const checkbox = wrapper.get('input[type="checkbox"][name="legal_accepted"]')
    expect(label(wrapper, 'legal_accepted')).toBe('I agree to the Terms of Service and Privacy Policy')
    await checkbox.setValue(true)
    await fillAndSubmit(wrapper, { email_address: 'grace@example.com', password: TEST_PASSWORD })
    await until(() => wrapper.find('input[name="code"]').exists())
    await wrapper.get('input[name="code"]').setValue(await server.latestCode('grace@example.com'))
    await until(() => navigations.length > 0)
    expect(clerk.user?.legalAcceptedAt).toBeInstanceOf(Date)
  })

  it('links to the sign-in page', async () => {
    const { clerk, navigations } = await freshBrowser()
    const wrapper = await mountWithClerk(SignUp, clerk, { props: { signInUrl: '/login' } })
    await wrapper.get('.portico-footer a').trigger('click')
    expect(navigations).toEqual(['/login'])
  })

  it('shows a busy card until the Clerk object has loaded', async () => {
    const { clerk } = await freshBrowser()
    const wrapper = await mountWithClerk(SignUp, clerk, { waitForLoad: false })
    expect(wrapper.get('[role="status"]').text()).toBe('Loading…')
    await clerk.load()
    await settle()
    expect(wrapper.find('input[name="email_address"]').exists()).toBe(true)
  })

  it('leaves when opened while signed in to a single-session app', async () => {
    const { clerk, email, navigations } = await withUsers()
    await signInWithSdk(clerk, email)
    await mountWithClerk(SignUp, clerk, { props: { fallbackRedirectUrl: '/home' } })
    expect(navigations).toEqual(['/home'])
  })
})
