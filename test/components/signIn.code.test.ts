import { afterEach, describe, expect, it, vi } from 'vitest'
import SignIn from '../../src/components/SignIn.vue'
import { TEST_PASSWORD } from '../helpers/signUpTestUser'
import { expectNoAxeViolations } from './axe'
import { withUsers } from './fixtures'
import { mountWithClerk, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

async function toPasswordStep(wrapper: Wrapper, email: string) {
  await wrapper.get('input[name="identifier"]').setValue(email)
  await wrapper.get('form').trigger('submit')
  await until(() => wrapper.find('input[name="password"]').exists())
}

async function toCodeStep(wrapper: Wrapper, email: string) {
  await toPasswordStep(wrapper, email)
  await wrapper.findAll('button').find(button => button.text() === 'Use another method')!.trigger('click')
  await wrapper.get('.portico-alternatives button').trigger('click')
  await until(() => wrapper.find('input[name="code"]').exists())
}

const buttonNamed = (wrapper: Wrapper, pattern: RegExp) => wrapper.findAll('button').find(button => pattern.test(button.text()))

afterEach(() => {
  vi.useRealTimers()
})

describe('<SignIn> with an email code', () => {
  it('offers the code as another method, mails it and signs in with it', async () => {
    const { server, clerk, email, navigations } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    await toPasswordStep(wrapper, email)
    await buttonNamed(wrapper, /^Use another method$/)!.trigger('click')
    expect(wrapper.get('.portico-alternatives').text()).toMatch(/Email a code to .*@/)
    await wrapper.get('.portico-alternatives button').trigger('click')
    await until(() => wrapper.find('input[name="code"]').exists())
    const input = wrapper.get('input[name="code"]')
    expect(input.attributes('autocomplete')).toBe('one-time-code')
    expect(input.attributes('inputmode')).toBe('numeric')
    expect(wrapper.get('h1').text()).toBe('Check your email')
    await expectNoAxeViolations(wrapper.element)
    // typing the last digit submits the form
    await input.setValue(await server.latestCode(email))
    await until(() => navigations.length > 0)
    expect(clerk.isSignedIn).toBe(true)
  })

  it('shows a wrong code at the code field and clears it', async () => {
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    await toCodeStep(wrapper, email)
    await wrapper.get('input[name="code"]').setValue('000000')
    await until(() => wrapper.get('input[name="code"]').attributes('aria-invalid') === 'true')
    expect(wrapper.get('.portico-field-error').text()).toBe('That code is incorrect.')
    expect((wrapper.get('input[name="code"]').element as HTMLInputElement).value).toBe('')
  })

  it('lets a new code be asked for only after the cooldown', async () => {
    const { server, clerk, email, browser } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    await toCodeStep(wrapper, email)
    const resend = () => wrapper.get('.portico-resend')
    expect(resend().attributes('disabled')).toBeDefined()
    expect(resend().text()).toBe('Resend code in 30 s')
    await vi.advanceTimersByTimeAsync(12_000)
    expect(resend().text()).toBe('Resend code in 18 s')
    await vi.advanceTimersByTimeAsync(18_000)
    expect(resend().attributes('disabled')).toBeUndefined()
    expect(resend().text()).toBe('Didn’t receive a code? Resend')

    server.advance(31_000)
    const prepares = () => browser.requests.filter(request => request.endsWith('/prepare_first_factor')).length
    const before = prepares()
    await resend().trigger('click')
    await until(() => resend().attributes('disabled') !== undefined)
    expect(prepares()).toBe(before + 1)
    expect(resend().text()).toBe('Resend code in 30 s')
    await wrapper.get('input[name="code"]').setValue(await server.latestCode(email))
    await until(() => clerk.isSignedIn)
  })

  it('shows the server refusing an early resend above the form', async () => {
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    await toCodeStep(wrapper, email)
    // the UI's countdown is over but the server's is not
    await vi.advanceTimersByTimeAsync(30_000)
    await wrapper.get('.portico-resend').trigger('click')
    await until(() => wrapper.get('[role="alert"]').text() !== '')
    expect(wrapper.get('[role="alert"]').text()).toBe('Too many codes requested. Please wait a moment before asking again.')
    expect(wrapper.get('.portico-resend').attributes('disabled')).toBeUndefined()
  })
})

describe('<SignIn> forgot password', () => {
  it('mails a reset code, then sets the new password and signs in', async () => {
    const { server, clerk, email, navigations } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    await toPasswordStep(wrapper, email)
    await buttonNamed(wrapper, /^Forgot password\?$/)!.trigger('click')
    await until(() => wrapper.get('h1').text() === 'Reset your password')
    await wrapper.get('input[name="code"]').setValue(await server.latestCode(email))
    await until(() => wrapper.get('h1').text() === 'Set a new password')
    const inputs = wrapper.findAll('input[type="password"]')
    expect(inputs.map(input => input.attributes('autocomplete'))).toEqual(['new-password', 'new-password'])
    expect((wrapper.get('input[type="checkbox"]').element as HTMLInputElement).checked).toBe(true)
    await expectNoAxeViolations(wrapper.element)

    await inputs[0]!.setValue('a-brand-new-Passphrase-7')
    await inputs[1]!.setValue('a-brand-new-Passphrase-8')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('input[name="confirm_password"]').attributes('aria-invalid')).toBe('true')
    expect(wrapper.text()).toContain('The passwords don’t match.')

    await inputs[1]!.setValue('a-brand-new-Passphrase-7')
    await wrapper.get('form').trigger('submit')
    await until(() => navigations.length > 0)
    expect(clerk.isSignedIn).toBe(true)
    await clerk.signOut()
    const again = clerk.client!.signIn
    await expect(again.create({ identifier: email, password: TEST_PASSWORD })).rejects.toThrow()
  })

  it('shows a too-weak new password at the password field', async () => {
    const { server, clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    await toPasswordStep(wrapper, email)
    await buttonNamed(wrapper, /^Forgot password\?$/)!.trigger('click')
    await until(() => wrapper.find('input[name="code"]').exists())
    await wrapper.get('input[name="code"]').setValue(await server.latestCode(email))
    await until(() => wrapper.find('input[name="confirm_password"]').exists())
    await wrapper.get('input[name="password"]').setValue('short')
    await wrapper.get('input[name="confirm_password"]').setValue('short')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.get('input[name="password"]').attributes('aria-invalid') === 'true')
    expect(wrapper.get('.portico-field-error').text()).toBe('Your password is too short.')
  })
})
