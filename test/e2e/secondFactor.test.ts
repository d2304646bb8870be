import type { Browser, Page } from 'playwright-core'
import type { DevInbox } from './helpers/devInbox'
import type { DevStackHandle } from './helpers/startDevStack'
import { Secret, TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAccountMenu, signInWithPassword, signUpThroughUi } from './helpers/authFlows'
import { createDevInbox } from './helpers/devInbox'
import { launchBrowser } from './helpers/launchBrowser'
import { playgroundUser } from './helpers/playgroundUser'
import { saveScreens } from './helpers/saveScreens'
import { startDevStack } from './helpers/startDevStack'

/** The code an authenticator app would show for `secret` at `at` ms, computed apart from the server. */
function authenticatorCode(secret: string, at: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at })
}

// One person turns on two-step verification in <UserProfile>, then signs in with each kind of second
// factor, on the real `npm run dev` stack; each test continues from where the previous one left off.
describe('playground: two-step verification with an authenticator app and backup codes', () => {
  const grace = playgroundUser('Grace')
  let stack: DevStackHandle
  let browser: Browser
  let page: Page
  let inbox: DevInbox
  let secret = ''
  let backupCodes: string[] = []

  beforeAll(async () => {
    stack = await startDevStack()
    inbox = createDevInbox(stack.url)
    browser = await launchBrowser()
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  })

  async function signOut(): Promise<void> {
    await openAccountMenu(page)
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.getByTestId('signed-out-welcome').waitFor()
  }

  it('enrols an authenticator app in <UserProfile> from its QR code and key, and shows the backup codes once', async () => {
    await signUpThroughUi(page, stack.url, inbox, grace)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click()
    const security = page.getByRole('region', { name: 'Two-step verification' })
    await security.getByRole('button', { name: 'Set up an authenticator app' }).click()
    const qr = security.getByRole('img', { name: /QR code to add .* to an authenticator app/ })
    await qr.waitFor()
    expect((await qr.boundingBox())!.width).toBeGreaterThan(100)
    secret = (await security.getByTestId('totp-secret').textContent())!.trim()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    await saveScreens(page, 'user-profile-authenticator-qr')

    await security.getByLabel('Authenticator code').fill(authenticatorCode(secret, Date.now()))
    await security.getByText('Your authenticator app is set up.').waitFor()
    const list = security.getByRole('list', { name: 'Your backup codes' })
    backupCodes = (await list.getByRole('listitem').allTextContents()).map(code => code.trim())
    expect(backupCodes).toHaveLength(10)
    expect(await security.getByRole('link', { name: 'Download codes' }).getAttribute('href')).toMatch(/^blob:/)
    await saveScreens(page, 'user-profile-backup-codes')
    await security.getByRole('button', { name: 'I have saved them' }).click()
    await list.waitFor({ state: 'detached' })
    expect(await security.getByText('On: sign-ins ask for a code from your authenticator app.').isVisible()).toBe(true)
  })

  it('signs out, then signs in with the password and a code from the authenticator', async () => {
    await signOut()
    await page.goto(`${stack.url}/sign-in`)
    await signInWithPassword(page, grace)
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor()
    await saveScreens(page, 'sign-in-second-factor')
    // the enrolment spent this step's code (each code works once): the app's next code, within the allowed drift
    await page.getByLabel('Authenticator code').fill(authenticatorCode(secret, Date.now() + 30_000))
    await page.getByTestId('signed-in-greeting').waitFor()
  })

  it('signs out, then signs in with the password and a backup code', async () => {
    await signOut()
    await page.goto(`${stack.url}/sign-in`)
    await signInWithPassword(page, grace)
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor()
    await page.getByRole('button', { name: 'Use another method' }).click()
    await page.getByRole('button', { name: 'Use a backup code' }).click()
    await page.getByRole('heading', { name: 'Enter a backup code' }).waitFor()
    await page.getByLabel('Backup code', { exact: true }).fill(backupCodes[0]!)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByTestId('signed-in-greeting').waitFor()
  })

  it('refuses the same backup code a second time', async () => {
    await signOut()
    await page.goto(`${stack.url}/sign-in`)
    await signInWithPassword(page, grace)
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor()
    await page.getByRole('button', { name: 'Use another method' }).click()
    await page.getByRole('button', { name: 'Use a backup code' }).click()
    const field = page.getByLabel('Backup code', { exact: true })
    await field.fill(backupCodes[0]!)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByText('That code is incorrect.').waitFor()
    expect(await field.getAttribute('aria-invalid')).toBe('true')
  })
})
