import { afterEach, describe, expect, it, vi } from 'vitest'
import SignIn from '../../src/components/SignIn.vue'
import { createTestClerk } from '../helpers/createTestClerk'
import { createSecondFactorServer, serverClock, signUpWithSecondFactors, totpCode } from '../helpers/secondFactorTestKit'
import { TEST_PASSWORD } from '../helpers/signUpTestUser'
import { expectNoAxeViolations } from './axe'
import { mountWithClerk, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

const EMAIL = 'ada@example.com'

async function setUp(options: { phone?: boolean } = {}) {
  const server = await createSecondFactorServer()
  const clock = serverClock(server)
  const user = await signUpWithSecondFactors(server, clock, EMAIL, options)
  const test = createTestClerk(server)
  const wrapper = await mountWithClerk(SignIn, test.clerk)
  return { server, clock, wrapper, ...user, ...test }
}

async function toSecondFactor(wrapper: Wrapper) {
  await wrapper.get('input[name="identifier"]').setValue(EMAIL)
  await wrapper.get('form').trigger('submit')
  await until(() => wrapper.find('input[name="password"]').exists())
  await wrapper.get('input[name="password"]').setValue(TEST_PASSWORD)
  await wrapper.get('form').trigger('submit')
  await until(() => wrapper.find('input[name="code"]').exists())
}

const button = (wrapper: Wrapper, text: string | RegExp) => wrapper.findAll('button').find(candidate => (typeof text === 'string' ? candidate.text() === text : text.test(candidate.text())))

async function switchTo(wrapper: Wrapper, method: RegExp) {
  await button(wrapper, 'Use another method')!.trigger('click')
  await wrapper.get('.portico-alternatives').findAll('button').find(candidate => method.test(candidate.text()))!.trigger('click')
  await until(() => wrapper.find('input[name="code"]').exists())
}

afterEach(() => {
  vi.useRealTimers()
})

// every user here enrols an authenticator app first (ten argon2id backup-code hashes)
describe('<SignIn> second factor', { timeout: 30_000 }, () => {
  it('asks for the authenticator code after the password, with no session yet, and signs in with it', async () => {
    const { wrapper, clerk, clock, secret, navigations } = await setUp()
    await toSecondFactor(wrapper)
    expect(wrapper.get('h1').text()).toBe('Two-step verification')
    expect(wrapper.text()).toContain('Enter the code your authenticator app shows.')
    const input = wrapper.get('input[name="code"]')
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Authenticator code')
    expect(input.attributes('autocomplete')).toBe('one-time-code')
    expect(input.attributes('inputmode')).toBe('numeric')
    // an authenticator's codes are not sent: there is nothing to resend
    expect(wrapper.find('.portico-resend').exists()).toBe(false)
    expect(clerk.isSignedIn).toBe(false)
    expect(clerk.client!.sessions).toEqual([])
    await expectNoAxeViolations(wrapper.element)
    await input.setValue(totpCode(secret, clock.now()))
    await until(() => navigations.length > 0)
    expect(clerk.isSignedIn).toBe(true)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe(EMAIL)
  })

  it('shows a wrong authenticator code at the code field, announced, and clears it', async () => {
    const { wrapper, clerk, clock, secret } = await setUp()
    await toSecondFactor(wrapper)
    const right = totpCode(secret, clock.now())
    await wrapper.get('input[name="code"]').setValue(right === '123456' ? '654321' : '123456')
    await until(() => wrapper.get('input[name="code"]').attributes('aria-invalid') === 'true')
    const error = wrapper.get('.portico-field-error')
    expect(error.text()).toBe('That code is incorrect.')
    expect(error.attributes('aria-live')).toBe('polite')
    expect(wrapper.get('input[name="code"]').attributes('aria-describedby')).toContain(error.attributes('id'))
    expect((wrapper.get('input[name="code"]').element as HTMLInputElement).value).toBe('')
    expect(clerk.isSignedIn).toBe(false)
  })

  it('signs in with a backup code (a text field, not digits only)', async () => {
    const { wrapper, clerk, backupCodes, navigations } = await setUp()
    await toSecondFactor(wrapper)
    await switchTo(wrapper, /^Use a backup code$/)
    expect(wrapper.get('h1').text()).toBe('Enter a backup code')
    const input = wrapper.get('input[name="code"]')
    expect(input.attributes('inputmode')).toBeUndefined()
    expect(input.attributes('autocomplete')).toBe('off')
    await expectNoAxeViolations(wrapper.element)
    await input.setValue(` ${backupCodes[0]!.toUpperCase()} `)
    await wrapper.get('form').trigger('submit')
    await until(() => navigations.length > 0)
    expect(clerk.isSignedIn).toBe(true)
  })

  it('refuses a backup code that was already used, at the code field', async () => {
    const { wrapper, clerk, server, backupCodes } = await setUp()
    // spend the first code through another browser
    const other = createTestClerk(server)
    await other.clerk.load()
    await other.clerk.client!.signIn.create({ identifier: EMAIL, password: TEST_PASSWORD })
    await other.clerk.client!.signIn.attemptSecondFactor({ strategy: 'backup_code', code: backupCodes[0]! })
    await toSecondFactor(wrapper)
    await switchTo(wrapper, /^Use a backup code$/)
    await wrapper.get('input[name="code"]').setValue(backupCodes[0]!)
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.get('input[name="code"]').attributes('aria-invalid') === 'true')
    expect(wrapper.get('.portico-field-error').text()).toBe('That code is incorrect.')
    expect(clerk.isSignedIn).toBe(false)
  })

  it('texts a code to the phone, signs in with it, and offers a resend only after the cooldown', async () => {
    const { wrapper, clerk, server, phoneNumber, browser, navigations } = await setUp({ phone: true })
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    await toSecondFactor(wrapper)
    await switchTo(wrapper, /^Text a code to /)
    await until(() => browser.requests.some(request => request.endsWith('/prepare_second_factor')))
    expect(wrapper.get('h1').text()).toBe('Check your phone')
    expect(wrapper.text()).toMatch(/Enter the code sent to \+\*+\d{2}\./)
    const resend = () => wrapper.get('.portico-resend')
    expect(resend().attributes('disabled')).toBeDefined()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(resend().attributes('disabled')).toBeUndefined()
    server.advance(31_000)
    const prepares = () => browser.requests.filter(request => request.endsWith('/prepare_second_factor')).length
    const before = prepares()
    await resend().trigger('click')
    await until(() => prepares() === before + 1)
    await until(() => resend().attributes('disabled') !== undefined)
    await expectNoAxeViolations(wrapper.element)
    await wrapper.get('input[name="code"]').setValue(await server.latestCode(phoneNumber!))
    await until(() => navigations.length > 0)
    expect(clerk.isSignedIn).toBe(true)
  })

  it('switches between every method the user has, and back', async () => {
    const { wrapper } = await setUp({ phone: true })
    await toSecondFactor(wrapper)
    await button(wrapper, 'Use another method')!.trigger('click')
    const offered = wrapper.get('.portico-alternatives').findAll('button').map(candidate => candidate.text())
    expect(offered).toEqual([expect.stringMatching(/^Text a code to \+\*+\d{2}$/), 'Use a backup code'])
    await button(wrapper, 'Back')!.trigger('click')
    expect(wrapper.get('h1').text()).toBe('Two-step verification')
    await switchTo(wrapper, /^Use a backup code$/)
    await button(wrapper, 'Use another method')!.trigger('click')
    expect(wrapper.get('.portico-alternatives').text()).toContain('Use your authenticator app')
  })

  it('ends the sign-in after five wrong codes and offers to start again', async () => {
    const { wrapper, clock, secret } = await setUp()
    await toSecondFactor(wrapper)
    const right = totpCode(secret, clock.now())
    const wrong = right === '123456' ? '654321' : '123456'
    for (let i = 0; i < 5; i++) {
      await wrapper.get('input[name="code"]').setValue(wrong)
      await until(() => !wrapper.find('input[name="code"]').exists() || (wrapper.get('input[name="code"]').element as HTMLInputElement).value === '')
    }
    await until(() => wrapper.text().includes('Too many incorrect codes: this sign-in has ended.'))
    expect(wrapper.find('input[name="code"]').exists()).toBe(false)
    expect(wrapper.get('[role="alert"]').text()).toContain('Sign in again to try once more.')
    await button(wrapper, 'Sign in again')!.trigger('click')
    await until(() => wrapper.find('input[name="identifier"]').exists())
  })
})
