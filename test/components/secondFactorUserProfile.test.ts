import type { PorticoConfigInput } from '../../server/src/config'
import { describe, expect, it } from 'vitest'
import UserProfile from '../../src/components/UserProfile.vue'
import { createTestClerk } from '../helpers/createTestClerk'
import { createSecondFactorServer, serverClock, totpCode, uniquePhone } from '../helpers/secondFactorTestKit'
import { signUpTestUser } from '../helpers/signUpTestUser'
import { expectNoAxeViolations } from './axe'
import { signInWithSdk } from './fixtures'
import { mountWithClerk, until } from './mountWithClerk'
import { decodeQr } from './qrDecoder'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

const security = (wrapper: Wrapper) => wrapper.findAll('section.portico-section').find(section => section.get('h2').text() === 'Two-step verification')!
const panel = (wrapper: Wrapper, title: string) => security(wrapper).findAll('.portico-subsection').find(candidate => candidate.get('h3').text() === title)!
const button = (wrapper: Wrapper | ReturnType<typeof panel>, text: string) => wrapper.findAll('button').find(candidate => candidate.text() === text)!

async function signedIn(config: PorticoConfigInput = {}) {
  const server = await createSecondFactorServer(config)
  const clock = serverClock(server)
  const owner = await signUpTestUser(server, 'ada@example.com')
  await owner.clerk.signOut()
  const test = createTestClerk(server)
  await signInWithSdk(test.clerk, 'ada@example.com')
  const wrapper = await mountWithClerk(UserProfile, test.clerk)
  await until(() => !!security(wrapper))
  return { server, clock, wrapper, ...test }
}

/** Reads the drawn QR code back into modules ("M x y h w v1 h -w z" per run, 4 modules of quiet zone). */
function modulesOf(svg: Element): { modules: boolean[], size: number } {
  const size = Number(svg.getAttribute('viewBox')!.split(' ')[2]) - 8
  const modules = Array.from<boolean>({ length: size * size }).fill(false)
  for (const [, x, y, w] of svg.querySelector('path')!.getAttribute('d')!.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    for (let k = 0; k < Number(w); k++)
      modules[(Number(y) - 4) * size + Number(x) - 4 + k] = true
  }
  return { modules, size }
}

async function startEnrolment(wrapper: Wrapper) {
  await button(panel(wrapper, 'Authenticator app'), 'Set up an authenticator app').trigger('click')
  await until(() => panel(wrapper, 'Authenticator app').find('svg').exists())
  return panel(wrapper, 'Authenticator app').get('[data-testid="totp-secret"]').text()
}

// enrolling hashes ten backup codes with argon2id
describe('<UserProfile> two-step verification: authenticator app', { timeout: 30_000 }, () => {
  it('draws the otpauth URI as a QR code locally, with the key as text', async () => {
    const { wrapper } = await signedIn()
    const secret = await startEnrolment(wrapper)
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    const svg = panel(wrapper, 'Authenticator app').get('svg')
    expect(svg.attributes('role')).toBe('img')
    expect(svg.attributes('aria-label')).toBe('QR code to add Portico to an authenticator app')
    const { modules, size } = modulesOf(svg.element)
    const uri = new URL(decodeQr(modules, size).text)
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.searchParams.get('secret')).toBe(secret)
    // no image service: nothing in the section points off the page
    expect(security(wrapper).html()).not.toMatch(/<img|https?:\/\/(?!www\.w3\.org)/)
  })

  it('enrols with a code computed from the key and shows the backup codes once, with copy and download', async () => {
    const { wrapper, clerk, clock } = await signedIn()
    const secret = await startEnrolment(wrapper)
    const input = panel(wrapper, 'Authenticator app').get('input[name="code"]')
    expect(input.attributes('autocomplete')).toBe('one-time-code')
    expect(input.attributes('inputmode')).toBe('numeric')
    await input.setValue(totpCode(secret, clock.now()))
    await until(() => panel(wrapper, 'Authenticator app').get('[role="status"]').text() === 'Your authenticator app is set up.')
    expect(clerk.user!.totpEnabled).toBe(true)
    expect(panel(wrapper, 'Authenticator app').text()).toContain('On: sign-ins ask for a code from your authenticator app.')

    const codes = panel(wrapper, 'Backup codes').findAll('.portico-backup-code-list code').map(code => code.text())
    expect(codes).toHaveLength(10)
    expect(panel(wrapper, 'Backup codes').get('ul').attributes('aria-label')).toBe('Your backup codes')
    const download = panel(wrapper, 'Backup codes').get('a[download]')
    expect(download.attributes('download')).toBe('backup-codes.txt')
    expect(download.attributes('href')).toMatch(/^blob:/)
    await expectNoAxeViolations(wrapper.element)

    await button(panel(wrapper, 'Backup codes'), 'Copy codes').trigger('click')
    await until(() => panel(wrapper, 'Backup codes').text().includes('Copied to the clipboard.'))
    expect(await navigator.clipboard.readText()).toBe(codes.join('\n'))

    await button(panel(wrapper, 'Backup codes'), 'I have saved them').trigger('click')
    expect(panel(wrapper, 'Backup codes').find('.portico-backup-code-list').exists()).toBe(false)
    expect(button(panel(wrapper, 'Backup codes'), 'Generate new backup codes').exists()).toBe(true)
  })

  it('shows a wrong code at the code field and stays unenrolled', async () => {
    const { wrapper, clerk, clock } = await signedIn()
    const secret = await startEnrolment(wrapper)
    const right = totpCode(secret, clock.now())
    await panel(wrapper, 'Authenticator app').get('input[name="code"]').setValue(right === '123456' ? '654321' : '123456')
    await until(() => panel(wrapper, 'Authenticator app').get('input[name="code"]').attributes('aria-invalid') === 'true')
    expect(panel(wrapper, 'Authenticator app').get('.portico-field-error').text()).toBe('That code is incorrect.')
    expect(clerk.user!.totpEnabled).toBe(false)
  })

  it('generates a new set of backup codes, then removes the authenticator app', async () => {
    const { wrapper, clerk, clock } = await signedIn()
    const secret = await startEnrolment(wrapper)
    await panel(wrapper, 'Authenticator app').get('input[name="code"]').setValue(totpCode(secret, clock.now()))
    await until(() => panel(wrapper, 'Backup codes').find('.portico-backup-code-list').exists())
    const first = panel(wrapper, 'Backup codes').findAll('.portico-backup-code-list code').map(code => code.text())
    await button(panel(wrapper, 'Backup codes'), 'I have saved them').trigger('click')

    await button(panel(wrapper, 'Backup codes'), 'Generate new backup codes').trigger('click')
    await until(() => panel(wrapper, 'Backup codes').find('.portico-backup-code-list').exists())
    const second = panel(wrapper, 'Backup codes').findAll('.portico-backup-code-list code').map(code => code.text())
    expect(second).toHaveLength(10)
    expect(second.some(code => first.includes(code))).toBe(false)
    await button(panel(wrapper, 'Backup codes'), 'I have saved them').trigger('click')

    await button(panel(wrapper, 'Authenticator app'), 'Remove authenticator app').trigger('click')
    await until(() => clerk.user!.totpEnabled === false)
    await until(() => panel(wrapper, 'Authenticator app').get('[role="status"]').text() === 'The authenticator app was removed.')
    expect(button(panel(wrapper, 'Authenticator app'), 'Set up an authenticator app').exists()).toBe(true)
    // no second factor left: backup codes have nothing to stand in for
    expect(panel(wrapper, 'Backup codes')).toBeUndefined()
  })
})

describe('<UserProfile> two-step verification: phone numbers', { timeout: 30_000 }, () => {
  async function addVerified(wrapper: Wrapper, server: Awaited<ReturnType<typeof signedIn>>['server'], number: string) {
    const phones = () => panel(wrapper, 'Phone numbers')
    await phones().get('input[name="phone_number"]').setValue(number)
    await phones().get('form.portico-form:not(li *)').trigger('submit')
    await until(() => phones().find('li input[name="code"]').exists())
    expect(phones().text()).toContain(`Enter the code texted to ${number}`)
    await phones().get('li input[name="code"]').setValue(await server.latestCode(number))
    await until(() => phones().get('[role="status"]').text() === `${number} is verified.`)
  }

  it('adds a number, verifies it by SMS, reserves it (backup codes shown), moves the default, releases and removes', async () => {
    const { wrapper, clerk, server } = await signedIn()
    const phones = () => panel(wrapper, 'Phone numbers')
    const input = phones().get('input[name="phone_number"]')
    expect(input.attributes('type')).toBe('tel')
    expect(input.attributes('autocomplete')).toBe('tel')
    const first = uniquePhone()
    await addVerified(wrapper, server, first)

    await button(phones(), 'Use for two-step verification').trigger('click')
    await until(() => phones().get('[role="status"]').text() === `Sign-ins can now text a code to ${first}.`)
    expect(phones().get('li').text()).toMatch(/Two-step.*Default/)
    expect(clerk.user!.twoFactorEnabled).toBe(true)
    await until(() => panel(wrapper, 'Backup codes').findAll('.portico-backup-code-list code').length === 10)
    await button(panel(wrapper, 'Backup codes'), 'I have saved them').trigger('click')

    const second = uniquePhone()
    await addVerified(wrapper, server, second)
    const row = (number: string) => phones().findAll('li').find(item => item.text().startsWith(number))!
    await button(row(second), 'Use for two-step verification').trigger('click')
    await until(() => row(second).text().includes('Two-step'))
    expect(row(second).text()).not.toContain('Default')
    await button(row(second), 'Make default').trigger('click')
    await until(() => row(second).text().includes('Default'))
    expect(row(first).text()).not.toContain('Default')
    await expectNoAxeViolations(wrapper.element)

    await button(row(second), 'Stop using for two-step verification').trigger('click')
    await until(() => !row(second).text().includes('Two-step'))
    await until(() => row(first).text().includes('Default'))
    await phones().get(`button[aria-label="Remove ${second}"]`).trigger('click')
    await until(() => phones().get('[role="status"]').text() === `${second} was removed.`)
    expect(clerk.user!.phoneNumbers.map(phone => phone.phoneNumber)).toEqual([first])
  })

  it('shows a number the server refuses at the phone number field', async () => {
    const { wrapper } = await signedIn()
    const phones = () => panel(wrapper, 'Phone numbers')
    await phones().get('input[name="phone_number"]').setValue('12')
    await phones().get('form').trigger('submit')
    await until(() => phones().get('input[name="phone_number"]').attributes('aria-invalid') === 'true')
    expect(phones().get('.portico-field-error').text()).not.toBe('')
  })

  it('offers no two-step actions for numbers when SMS codes are off', async () => {
    const { wrapper, server } = await signedIn({ secondFactors: { phoneCode: false } })
    await addVerified(wrapper, server, uniquePhone())
    expect(button(panel(wrapper, 'Phone numbers'), 'Use for two-step verification')).toBeUndefined()
  })
})

describe('<UserProfile> two-step verification: availability', () => {
  it('has no security section when the instance offers no second factor and no phone numbers', async () => {
    const server = await createSecondFactorServer({ phoneNumbers: { enabled: false }, secondFactors: { totp: false, phoneCode: false, backupCodes: false } })
    await signUpTestUser(server, 'ada@example.com')
    const test = createTestClerk(server)
    await signInWithSdk(test.clerk, 'ada@example.com')
    const wrapper = await mountWithClerk(UserProfile, test.clerk)
    await until(() => wrapper.findAll('h2').length > 2)
    expect(wrapper.findAll('h2').map(heading => heading.text())).not.toContain('Two-step verification')
  })
})
