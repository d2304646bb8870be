import type { Browser, Page } from 'playwright-core'
import type { DevInbox } from './helpers/devInbox'
import type { DevStackHandle } from './helpers/startDevStack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activeAccountName, openAccountMenu, signInWithPassword } from './helpers/authFlows'
import { createDevInbox } from './helpers/devInbox'
import { launchBrowser } from './helpers/launchBrowser'
import { playgroundUser } from './helpers/playgroundUser'
import { saveScreens } from './helpers/saveScreens'
import { startDevStack } from './helpers/startDevStack'
import { UI_WAIT } from './helpers/uiWait'
import { readSignedOutMarkup, watchSignedOutMarkup } from './helpers/watchSignedOutMarkup'

// One person's whole journey through the playground, in order, on the real `npm run dev` stack:
// each test continues from where the previous one left the page.
describe('playground: one account from sign-up to password reset', () => {
  const ada = playgroundUser('Ada')
  let stack: DevStackHandle
  let browser: Browser
  let page: Page
  let inbox: DevInbox
  let signUpCode = ''

  beforeAll(async () => {
    stack = await startDevStack()
    inbox = createDevInbox(stack.url)
    browser = await launchBrowser()
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  })

  it('welcomes a signed-out visitor with sign-in and sign-up buttons', async () => {
    await page.goto(stack.url)
    const welcome = page.getByTestId('signed-out-welcome')
    await welcome.waitFor()
    expect(await welcome.getByRole('button', { name: 'Create an account' }).isVisible()).toBe(true)
    expect(await welcome.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true)
    await saveScreens(page, 'home-signed-out')
  })

  it('shows a message when the sign-up code is wrong', async () => {
    await page.getByTestId('signed-out-welcome').getByRole('button', { name: 'Create an account' }).click()
    await page.waitForURL(/\/sign-up/)
    await page.getByLabel('First name').fill(ada.firstName)
    await page.getByLabel('Email address').fill(ada.email)
    await page.getByLabel('Password', { exact: true }).fill(ada.password)
    await saveScreens(page, 'sign-up')
    signUpCode = await inbox.codeFrom(ada.email, () => page.getByRole('button', { name: 'Continue' }).click())
    const code = page.getByLabel('Verification code')
    await code.fill('000000')
    await page.getByText('That code is incorrect.').waitFor()
    expect(await code.getAttribute('aria-invalid')).toBe('true')
    await saveScreens(page, 'sign-up-wrong-code')
  })

  it('lands signed in after entering the code from the dev inbox', async () => {
    // a wrong try leaves the emailed code valid (5 tries per code)
    await page.getByLabel('Verification code').fill(signUpCode)
    await page.getByTestId('signed-in-greeting').waitFor()
    expect(await page.getByRole('heading', { name: 'Hello, Ada' }).isVisible()).toBe(true)
    expect(await activeAccountName(page)).toBe('Ada')
    await saveScreens(page, 'home-signed-in')
    // PORTICO_README_IMAGE=1 refreshes the README's picture (committed, so only on demand)
    if (process.env.PORTICO_README_IMAGE) {
      await page.setViewportSize({ width: 960, height: 520 })
      await page.screenshot({ path: 'docs/images/playground-home.png' })
      await page.setViewportSize({ width: 1280, height: 800 })
    }
  })

  it('opens the dev inbox from the footer link, listing the sign-up code', async () => {
    const [inboxPage] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByTestId('dev-inbox-link').click(),
    ])
    await inboxPage.getByRole('heading', { name: 'Dev inbox' }).waitFor()
    expect(await inboxPage.locator('li', { hasText: ada.email }).first().textContent()).toContain(signUpCode)
    await saveScreens(inboxPage, 'dev-inbox')
    await inboxPage.close()
  })

  it('stays signed in across a reload, never showing signed-out content', async () => {
    await watchSignedOutMarkup(page)
    await page.reload()
    await page.getByTestId('signed-in-greeting').waitFor()
    // the header's UserButton too: the whole signed-in page is there
    await page.getByTestId('account').getByRole('button', { name: /account menu/i }).waitFor()
    const record = await readSignedOutMarkup(page)
    expect(record?.observing).toBe(true)
    expect(record?.seen).toEqual([])
  })

  it('edits the profile name on /user', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click()
    await page.getByRole('heading', { name: 'Account', exact: true }).waitFor()
    await saveScreens(page, 'user-profile')
    const profile = page.getByRole('region', { name: 'Profile' })
    await profile.getByLabel('First name').fill('Augusta Ada')
    await profile.getByLabel('Last name').fill('King')
    await profile.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Your profile was updated.').waitFor()
    await expect.poll(() => activeAccountName(page), UI_WAIT).toBe('Augusta Ada King')
  })

  it('adds a second email address and verifies it with the code from the dev inbox', async () => {
    const second = 'ada.lovelace@example.com'
    const emails = page.getByRole('region', { name: 'Email addresses' })
    await emails.getByLabel('Add an email address').fill(second)
    const code = await inbox.codeFrom(second, () => emails.getByRole('button', { name: 'Add' }).click())
    await emails.getByLabel(/code/i).fill(code)
    await page.getByText(`${second} is verified.`).waitFor()
    const items = emails.getByRole('listitem')
    await expect.poll(() => items.count(), UI_WAIT).toBe(2)
    expect(await emails.getByRole('listitem').filter({ hasText: second }).getByText('Unverified').count()).toBe(0)
    await saveScreens(page, 'user-profile-two-emails')
  })

  it('signs out from the user menu', async () => {
    await openAccountMenu(page)
    await saveScreens(page, 'user-menu')
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.getByTestId('signed-out-welcome').waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
  })

  it('records signed-out markup on a signed-out reload (the flash watcher sees what it looks for)', async () => {
    await page.reload()
    await page.getByTestId('signed-out-welcome').waitFor()
    expect((await readSignedOutMarkup(page))?.seen).toContain('Sign in')
  })

  it('shows a message when the password is wrong', async () => {
    await page.getByTestId('account').getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/sign-in/)
    await saveScreens(page, 'sign-in')
    await signInWithPassword(page, { email: ada.email, password: 'not-the-password-1' })
    await page.getByText('That password is incorrect. Try again, or use another method.').waitFor()
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await saveScreens(page, 'sign-in-wrong-password')
  })

  it('signs in with the password', async () => {
    await page.getByLabel('Password', { exact: true }).fill(ada.password)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByTestId('signed-in-greeting').waitFor()
    expect(await activeAccountName(page)).toBe('Augusta Ada King')
  })

  it('resets a forgotten password with a code from the dev inbox, then signs in with the new one', async () => {
    const newPassword = 'Ada-new-portico-e2e-7'
    await openAccountMenu(page)
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.getByTestId('signed-out-welcome').waitFor()
    await page.goto(`${stack.url}/sign-in`)
    await page.getByLabel('Email address').fill(ada.email)
    await page.getByRole('button', { name: 'Continue' }).click()
    const code = await inbox.codeFrom(ada.email, () => page.getByRole('button', { name: 'Forgot password?' }).click())
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    await saveScreens(page, 'sign-in-reset-code')
    await page.getByLabel(/code/i).fill(code)
    await page.getByRole('heading', { name: 'Set a new password' }).waitFor()
    await page.getByLabel('New password', { exact: true }).fill(newPassword)
    const confirm = page.getByLabel('Confirm password')
    if (await confirm.count())
      await confirm.fill(newPassword)
    await saveScreens(page, 'sign-in-new-password')
    await page.getByRole('button', { name: 'Reset password' }).click()
    await page.getByTestId('signed-in-greeting').waitFor()

    await openAccountMenu(page)
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.getByTestId('signed-out-welcome').waitFor()
    await page.goto(`${stack.url}/sign-in`)
    await signInWithPassword(page, { email: ada.email, password: newPassword })
    await page.getByTestId('signed-in-greeting').waitFor()
    expect(await activeAccountName(page)).toBe('Augusta Ada King')
  })
})
