import type { Browser, Locator, Page } from 'playwright-core'
import type { DevInbox } from './helpers/devInbox'
import type { DevStackHandle } from './helpers/startDevStack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activeAccountName } from './helpers/authFlows'
import { createDevInbox } from './helpers/devInbox'
import { launchBrowser } from './helpers/launchBrowser'
import { playgroundUser } from './helpers/playgroundUser'
import { saveScreens } from './helpers/saveScreens'
import { startDevStack } from './helpers/startDevStack'
import { UI_WAIT } from './helpers/uiWait'

// /custom: a sign-up and a sign-in built from useSignUp/useSignIn and plain inputs only; then a
// restart of `npm run dev` on the same database.
describe('playground: custom flows and restarts', () => {
  const cleo = playgroundUser('Cleo')
  let stack: DevStackHandle
  let browser: Browser
  let page: Page
  let inbox: DevInbox
  let signUpForm: Locator
  let signInForm: Locator

  beforeAll(async () => {
    stack = await startDevStack()
    inbox = createDevInbox(stack.url)
    browser = await launchBrowser()
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
    signUpForm = page.getByTestId('custom-sign-up')
    signInForm = page.getByTestId('custom-sign-in')
  })

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  })

  async function signOutOnCustomPage(): Promise<void> {
    await page.getByTestId('custom-signed-in').getByRole('button', { name: 'Sign out' }).click()
    await signInForm.waitFor()
  }

  it('shows the server\'s message for a wrong custom sign-up code', async () => {
    await page.goto(`${stack.url}/custom`)
    await signUpForm.waitFor()
    await saveScreens(page, 'custom')
    await signUpForm.getByLabel('Email address').fill(cleo.email)
    await signUpForm.getByLabel('Password').fill(cleo.password)
    await inbox.codeFrom(cleo.email, () => signUpForm.getByRole('button', { name: 'Create account' }).click())
    await signUpForm.getByLabel('Code', { exact: true }).fill('000000')
    await signUpForm.getByRole('button', { name: 'Verify' }).click()
    const alert = signUpForm.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/incorrect/i)
  })

  it('signs up with useSignUp and the emailed code, then signs in', async () => {
    const code = (await inbox.messages()).filter(message => message.to === cleo.email).at(-1)!.code!
    await signUpForm.getByLabel('Code', { exact: true }).fill(code)
    await signUpForm.getByRole('button', { name: 'Verify' }).click()
    await page.getByTestId('custom-signed-in').waitFor()
    expect(await page.getByTestId('custom-signed-in').textContent()).toContain(cleo.email)
    await expect.poll(() => activeAccountName(page), UI_WAIT).toBe(cleo.email)
  })

  it('shows the server\'s message for a wrong password in the custom sign-in', async () => {
    await signOutOnCustomPage()
    await signInForm.getByLabel('Email address').fill(cleo.email)
    await signInForm.getByLabel('Password').fill('not-the-password-1')
    await signInForm.getByRole('button', { name: 'Sign in with password' }).click()
    const alert = signInForm.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/password/i)
    await saveScreens(page, 'custom-wrong-password')
  })

  it('signs in with useSignIn and the password', async () => {
    await signInForm.getByLabel('Password').fill(cleo.password)
    await signInForm.getByRole('button', { name: 'Sign in with password' }).click()
    await page.getByTestId('custom-signed-in').waitFor()
    expect(await page.getByTestId('custom-signed-in').textContent()).toContain(cleo.email)
  })

  it('signs in with useSignIn and an emailed code', async () => {
    await signOutOnCustomPage()
    await signInForm.getByLabel('Email address').fill(cleo.email)
    const code = await inbox.codeFrom(cleo.email, () => signInForm.getByRole('button', { name: 'Email me a code' }).click())
    await signInForm.getByLabel('Code', { exact: true }).fill(code)
    await signInForm.getByRole('button', { name: 'Verify' }).click()
    await page.getByTestId('custom-signed-in').waitFor()
    expect(await activeAccountName(page)).toBe(cleo.email)
  })

  it('keeps users and sessions when npm run dev restarts on the same database', async () => {
    expect(stack.output()).toContain(`Portico playground: ${stack.url}`)
    expect(stack.output()).toContain(`Dev inbox (codes):  ${stack.url}/__clerk/dev/inbox`)
    const { dbUrl } = stack
    await stack.stop()
    stack = await startDevStack({ dbUrl })
    // the __client cookie belongs to 127.0.0.1 whatever the port, so this browser is the same client
    await page.goto(`${stack.url}/`)
    await page.getByTestId('signed-in-greeting').waitFor()
    expect(await activeAccountName(page)).toBe(cleo.email)
  })

  it('stops the server and Vite together on Ctrl-C', async () => {
    await stack.stop('SIGINT')
    const answers = async (url: string): Promise<boolean> => fetch(url).then(() => true, () => false)
    await expect.poll(() => answers(`${stack.url}/`), UI_WAIT).toBe(false)
    await expect.poll(() => answers(`${stack.serverUrl}/v1/health`), UI_WAIT).toBe(false)
  })
})
