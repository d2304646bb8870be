import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { DevInbox } from './helpers/devInbox'
import type { DevStackHandle } from './helpers/startDevStack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activeAccountName, openAccountMenu, signInWithPassword, signUpThroughUi } from './helpers/authFlows'
import { createDevInbox } from './helpers/devInbox'
import { launchBrowser } from './helpers/launchBrowser'
import { playgroundUser } from './helpers/playgroundUser'
import { saveScreens } from './helpers/saveScreens'
import { startDevStack } from './helpers/startDevStack'
import { UI_WAIT } from './helpers/uiWait'

// Two people, several accounts in one browser, the router guard, the token page and a second tab.
describe('playground: sessions, the guard and the token', () => {
  const ada = playgroundUser('Ada')
  const bob = playgroundUser('Bob')
  let stack: DevStackHandle
  let browser: Browser
  let inbox: DevInbox
  let context: BrowserContext
  let page: Page

  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()

  beforeAll(async () => {
    stack = await startDevStack()
    inbox = createDevInbox(stack.url)
    browser = await launchBrowser()
    // Bob signs up in a browser of his own, so that Ada later adds him as a second account
    const bobsPage = await newPage()
    await signUpThroughUi(bobsPage, stack.url, inbox, bob)
    await bobsPage.context().close()
    page = await newPage()
    context = page.context()
  })

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  })

  it('sends a signed-out visitor of a protected page to sign in, and back there afterwards', async () => {
    await signUpThroughUi(page, stack.url, inbox, ada)
    await openAccountMenu(page)
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.getByTestId('signed-out-welcome').waitFor()

    await page.goto(`${stack.url}/protected`)
    await page.waitForURL(url => url.pathname === '/sign-in')
    expect(new URL(page.url()).searchParams.get('redirect_url')).toBe(`${stack.url}/protected`)
    await signInWithPassword(page, ada)
    await page.getByTestId('protected-page').waitFor()
    expect(new URL(page.url()).pathname).toBe('/protected')
    expect(await page.getByTestId('protected-user').textContent()).toContain(ada.email)
  })

  it('hides the permission-gated section from a user without the permission', async () => {
    await page.getByTestId('permission-denied').waitFor()
    expect(await page.getByTestId('permission-granted').count()).toBe(0)
    await saveScreens(page, 'protected')
  })

  it('shows the organization components on /organizations', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click()
    await page.getByTestId('organizations-page').waitFor()
    await page.getByRole('heading', { name: 'Create an organization' }).waitFor()
    expect(await page.getByTestId('organizations-page').getByRole('textbox').count()).toBeGreaterThan(0)
    await saveScreens(page, 'organizations')
  })

  it('shows the session token\'s claims and counts down to its expiry', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Token' }).click()
    const claims = page.getByTestId('token-claims')
    await claims.waitFor()
    const parsed = JSON.parse((await claims.textContent()) ?? '{}') as Record<string, unknown>
    expect(parsed.sub).toMatch(/^user_/)
    expect(parsed.sid).toMatch(/^sess_/)
    const secondsLeft = async () => Number(await page.getByTestId('token-seconds-left').textContent())
    const first = await secondsLeft()
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThanOrEqual(60)
    // the countdown is live: it moves without a reload
    await expect.poll(secondsLeft, UI_WAIT).toBeLessThan(first)
    await saveScreens(page, 'token')
  })

  it('adds a second account from the user menu and switches between the two', async () => {
    await page.goto(stack.url)
    await openAccountMenu(page)
    await page.getByRole('menuitem', { name: 'Add account' }).click()
    await page.waitForURL(url => url.pathname === '/sign-in')
    await saveScreens(page, 'sign-in-add-account')
    await signInWithPassword(page, bob)
    await page.getByTestId('signed-in-greeting').waitFor()
    await expect.poll(() => activeAccountName(page), UI_WAIT).toBe('Bob')

    await openAccountMenu(page)
    await saveScreens(page, 'user-menu-two-accounts')
    await page.getByRole('menuitem', { name: 'Switch to Ada' }).click()
    await expect.poll(() => activeAccountName(page), UI_WAIT).toBe('Ada')
    expect(await page.getByRole('heading', { name: 'Hello, Ada' }).isVisible()).toBe(true)

    await openAccountMenu(page)
    await page.getByRole('menuitem', { name: 'Switch to Bob' }).click()
    await expect.poll(() => activeAccountName(page), UI_WAIT).toBe('Bob')
  })

  it('signs out of all accounts at once', async () => {
    await openAccountMenu(page)
    await page.getByRole('menuitem', { name: 'Sign out of all accounts' }).click()
    await page.getByTestId('signed-out-welcome').waitFor()
    await page.reload()
    await page.getByTestId('signed-out-welcome').waitFor()
    expect(await page.getByTestId('account').getByRole('button', { name: /account menu/i }).count()).toBe(0)
  })

  describe('a second tab', () => {
    let second: Page

    it('opens signed out, like the first, which then signs in', async () => {
      second = await context.newPage()
      await second.goto(stack.url)
      await second.getByTestId('signed-out-welcome').waitFor()
      await page.bringToFront()
      await page.goto(`${stack.url}/sign-in`)
      await signInWithPassword(page, ada)
      await page.getByTestId('signed-in-greeting').waitFor()
    })

    // the first tab announces the sign-in on the client channel; the second, in the background, re-reads its client
    it('follows the sign-in within a few seconds', async () => {
      await second.getByTestId('signed-in-greeting').waitFor({ timeout: 10_000 })
    })

    it('shows the new session once reloaded', async () => {
      await second.reload()
      await second.getByTestId('signed-in-greeting').waitFor()
      expect(await activeAccountName(second)).toBe('Ada')
      await openAccountMenu(page)
      await page.getByRole('menuitem', { name: 'Sign out' }).click()
      await page.getByTestId('signed-out-welcome').waitFor()
    })

    it('follows the sign-out within a few seconds', async () => {
      await second.getByTestId('signed-out-welcome').waitFor({ timeout: 10_000 })
    })
  })
})
