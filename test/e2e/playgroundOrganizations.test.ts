import type { Browser, Locator, Page } from 'playwright-core'
import type { DevInbox } from './helpers/devInbox'
import type { DevStackHandle } from './helpers/startDevStack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUpThroughUi } from './helpers/authFlows'
import { createDevInbox } from './helpers/devInbox'
import { launchBrowser } from './helpers/launchBrowser'
import { playgroundUser } from './helpers/playgroundUser'
import { saveScreens } from './helpers/saveScreens'
import { startDevStack } from './helpers/startDevStack'
import { UI_WAIT } from './helpers/uiWait'

// Two people, each in a browser of their own: Ada creates an organization and invites Bob, who joins
// it; then the member list, the permission-gated section of /protected and a role change. Each test
// continues from where the previous one left the pages.
describe('playground: organizations', () => {
  const ada = playgroundUser('Ada')
  const bob = playgroundUser('Bob')
  const ORG = 'Acme Rockets'
  // how /protected names the active organization's role
  const ORG_ROLE_MEMBER = '(org:member)'
  const ORG_ROLE_ADMIN = '(org:admin)'
  // a session token lives 60 s and is refreshed 42-45 s into its life; the role change may just miss one
  const TOKEN_REFRESH_WAIT = 75_000
  let stack: DevStackHandle
  let browser: Browser
  let inbox: DevInbox
  let adaPage: Page
  let bobPage: Page

  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  const goTo = async (page: Page, link: string): Promise<void> => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click()
  }
  const switcher = (page: Page): Locator => page.getByRole('button', { name: /^Switch organization, current:/ })
  const currentOrganization = async (page: Page): Promise<string> =>
    ((await switcher(page).getAttribute('aria-label')) ?? '').replace(/^Switch organization, current: /, '')
  const openSwitcher = async (page: Page): Promise<Locator> => {
    await switcher(page).click()
    const menu = page.getByRole('menu', { name: 'Organizations' })
    await menu.waitFor()
    return menu
  }
  const profile = (page: Page): Locator => page.getByRole('region', { name: 'Organization', exact: true })

  beforeAll(async () => {
    stack = await startDevStack()
    inbox = createDevInbox(stack.url)
    browser = await launchBrowser()
    ;[adaPage, bobPage] = [await newPage(), await newPage()]
    await signUpThroughUi(bobPage, stack.url, inbox, bob)
    await signUpThroughUi(adaPage, stack.url, inbox, ada)
  })

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  })

  it('creates an organization on /organizations with <CreateOrganization> and makes it active', async () => {
    await goTo(adaPage, 'Organizations')
    const create = adaPage.getByRole('region', { name: 'Create organization' })
    await create.waitFor()
    expect(await currentOrganization(adaPage)).toBe('Personal account')
    await create.getByLabel('Name', { exact: true }).fill(ORG)
    // the slug follows the name
    expect(await create.getByLabel('Slug').inputValue()).toBe('acme-rockets')
    await create.getByRole('button', { name: 'Create organization' }).click()

    await profile(adaPage).waitFor()
    await expect.poll(() => currentOrganization(adaPage), UI_WAIT).toBe(ORG)
    expect(await profile(adaPage).getByLabel('Name', { exact: true }).inputValue()).toBe(ORG)
    expect(await adaPage.getByRole('region', { name: 'Create organization' }).count()).toBe(0)
  })

  it('switches between personal account and organization with <OrganizationSwitcher>', async () => {
    await (await openSwitcher(adaPage)).getByRole('menuitem', { name: 'Switch to Personal account' }).click()
    await expect.poll(() => currentOrganization(adaPage), UI_WAIT).toBe('Personal account')
    // no active organization: the page offers the list and the creation form again
    await adaPage.getByRole('button', { name: `Continue with ${ORG}` }).waitFor()
    expect(await profile(adaPage).count()).toBe(0)

    await (await openSwitcher(adaPage)).getByRole('menuitem', { name: `Switch to ${ORG}` }).click()
    await expect.poll(() => currentOrganization(adaPage), UI_WAIT).toBe(ORG)
    await profile(adaPage).waitFor()
  })

  it('invites the second user by email from <OrganizationProfile>; the invitation reaches the dev inbox', async () => {
    const invitations = profile(adaPage).getByRole('region', { name: 'Invitations' })
    await invitations.getByLabel('Email addresses').fill(bob.email)
    expect(await invitations.getByLabel('Role').inputValue()).toBe('org:member')
    const before = new Set((await inbox.messages()).map(message => message.id))
    await invitations.getByRole('button', { name: 'Send invitations' }).click()
    await invitations.getByText(`Invitations sent to ${bob.email}.`).waitFor()
    await invitations.getByRole('button', { name: `Revoke the invitation of ${bob.email}` }).waitFor()

    const mail = async () => (await inbox.messages()).find(message => !before.has(message.id) && message.to === bob.email)
    await expect.poll(async () => (await mail())?.subject, UI_WAIT).toBe(`You are invited to join ${ORG} on Portico playground`)
  })

  it('accepts the invitation as the second user, who then sees the organization in <OrganizationList>', async () => {
    await goTo(bobPage, 'Organizations')
    const list = bobPage.getByRole('region', { name: 'Choose an organization' })
    await list.getByText('You are not a member of any organization yet.').waitFor()
    await list.getByRole('button', { name: `Join ${ORG}` }).click()
    await list.getByRole('button', { name: `Continue with ${ORG}` }).waitFor()
    await expect.poll(() => list.getByRole('button', { name: `Join ${ORG}` }).count(), UI_WAIT).toBe(0)

    // the switcher offers it too, and switching makes it Bob's active organization
    await (await openSwitcher(bobPage)).getByRole('menuitem', { name: `Switch to ${ORG}` }).click()
    await expect.poll(() => currentOrganization(bobPage), UI_WAIT).toBe(ORG)
    await profile(bobPage).waitFor()
  })

  it('lists both members with their roles in <OrganizationProfile>', async () => {
    // Bob, a plain member, reads the list but changes nothing
    const bobsMembers = profile(bobPage).getByRole('region', { name: 'Members' })
    await bobsMembers.getByRole('listitem').filter({ hasText: ada.email }).getByText('Admin', { exact: true }).waitFor()
    expect(await bobsMembers.getByRole('listitem').filter({ hasText: bob.email }).getByText('Member', { exact: true }).count()).toBe(1)
    expect(await bobsMembers.getByRole('combobox').count()).toBe(0)
    expect(await profile(bobPage).getByRole('region', { name: 'Invitations' }).count()).toBe(0)

    // Ada, the admin, comes back to her page: Bob is a member now, no longer an invitation
    await adaPage.reload()
    const adasMembers = profile(adaPage).getByRole('region', { name: 'Members' })
    await adasMembers.getByRole('listitem').filter({ hasText: bob.email }).waitFor()
    expect(await adasMembers.getByRole('listitem').count()).toBe(2)
    expect(await adasMembers.getByRole('listitem').filter({ hasText: ada.email }).getByText('Admin', { exact: true }).count()).toBe(1)
    expect(await adasMembers.getByLabel('Role of Bob').inputValue()).toBe('org:member')
    await profile(adaPage).getByRole('region', { name: 'Invitations' }).getByText('No pending invitations.').waitFor()
  })

  it('shows the permission-gated section of /protected to an admin and hides it from a plain member', async () => {
    await goTo(adaPage, 'Protected')
    await adaPage.getByTestId('permission-granted').waitFor()
    expect(await adaPage.getByTestId('permission-denied').count()).toBe(0)

    await goTo(bobPage, 'Protected')
    await bobPage.getByTestId('permission-denied').waitFor()
    expect(await bobPage.getByTestId('permission-granted').count()).toBe(0)
    await bobPage.getByText(ORG_ROLE_MEMBER).waitFor()
  })

  it('follows a role change: the gated section appears once the member becomes an admin', async () => {
    await goTo(adaPage, 'Organizations')
    const members = profile(adaPage).getByRole('region', { name: 'Members' })
    await members.getByLabel('Role of Bob').selectOption({ label: 'Admin' })
    await members.getByText('Bob is now Admin.').waitFor()

    // Bob's page stays open on /protected, untouched: his next session token, refreshed in the
    // background about 45 s into its 60 s life, carries the new role, and his app re-reads its client
    const refreshed = await bobPage.waitForResponse(
      response => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith('/tokens'),
      { timeout: TOKEN_REFRESH_WAIT },
    )
    expect(refreshed.status()).toBe(200)
    await bobPage.getByTestId('permission-granted').waitFor({ timeout: UI_WAIT.timeout })
    expect(await bobPage.getByTestId('permission-denied').count()).toBe(0)
    await bobPage.getByText(ORG_ROLE_ADMIN).waitFor({ timeout: UI_WAIT.timeout })
  }, 2 * TOKEN_REFRESH_WAIT)

  it('saves light and dark screenshots of /organizations with an active organization', async () => {
    await profile(adaPage).waitFor()
    await saveScreens(adaPage, 'organizations-active-organization')
  })
})
