import type { Browser, Locator, Page } from 'playwright-core'
import type { DevInbox } from './helpers/devInbox'
import type { DevStackHandle } from './helpers/startDevStack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUpThroughUi } from './helpers/authFlows'
import { createDevInbox } from './helpers/devInbox'
import { launchBrowser } from './helpers/launchBrowser'
import { playgroundUser } from './helpers/playgroundUser'
import { startDevStack } from './helpers/startDevStack'
import { UI_WAIT } from './helpers/uiWait'

// Ada invites an address that has no account; its owner opens the dev inbox in their own browser,
// follows the invitation link to /sign-up, signs up without an email code and lands in the organization.
describe('playground: an invitation link from the dev inbox', () => {
  const ada = playgroundUser('Ada')
  const dora = playgroundUser('Dora')
  const ORG = 'Invited Rockets'
  let stack: DevStackHandle
  let browser: Browser
  let inbox: DevInbox
  let adaPage: Page
  let doraPage: Page

  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  const profile = (page: Page): Locator => page.getByRole('region', { name: 'Organization', exact: true })

  beforeAll(async () => {
    stack = await startDevStack()
    inbox = createDevInbox(stack.url)
    browser = await launchBrowser()
    ;[adaPage, doraPage] = [await newPage(), await newPage()]
    await signUpThroughUi(adaPage, stack.url, inbox, ada)
  })

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  })

  it('emails the invitation with a link to /sign-up carrying the ticket', async () => {
    await adaPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click()
    const create = adaPage.getByRole('region', { name: 'Create organization' })
    await create.getByLabel('Name', { exact: true }).fill(ORG)
    await create.getByRole('button', { name: 'Create organization' }).click()
    const invitations = profile(adaPage).getByRole('region', { name: 'Invitations' })
    await invitations.getByLabel('Email addresses').fill(dora.email)
    await invitations.getByLabel('Role').selectOption('org:admin')
    await invitations.getByRole('button', { name: 'Send invitations' }).click()
    await invitations.getByText(`Invitations sent to ${dora.email}.`).waitFor()
    await expect.poll(async () => (await inbox.messages()).some(message => message.to === dora.email), UI_WAIT).toBe(true)
  })

  it('follows the link from the dev inbox page and signs up with the address fixed and no code', async () => {
    await doraPage.goto(`${stack.url}/__clerk/dev/inbox`)
    const mail = doraPage.getByRole('listitem').filter({ hasText: dora.email }).filter({ hasText: 'You are invited' })
    await mail.getByRole('link').click()
    await doraPage.waitForURL(url => url.pathname === '/sign-up' && url.searchParams.has('__clerk_ticket'))
    expect(new URL(doraPage.url()).searchParams.get('__clerk_status')).toBe('sign_up')

    const email = doraPage.getByLabel('Email address')
    await expect.poll(() => email.inputValue(), UI_WAIT).toBe(dora.email)
    expect(await email.isDisabled()).toBe(true)
    // the sign-up took the ticket: it left the address, so a reload does not replay it
    await expect.poll(() => new URL(doraPage.url()).search, UI_WAIT).toBe('')
    expect(new URL(doraPage.url()).pathname).toBe('/sign-up')
    await doraPage.getByLabel('First name').fill(dora.firstName)
    const before = (await inbox.messages()).length
    await doraPage.getByLabel('Password', { exact: true }).fill(dora.password)
    await doraPage.getByRole('button', { name: 'Continue' }).click()
    await doraPage.getByTestId('signed-in-greeting').waitFor()
    // no verification code was sent
    expect((await inbox.messages()).length).toBe(before)
  })

  it('has made the new user an admin of the organization', async () => {
    await doraPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click()
    const list = doraPage.getByRole('region', { name: 'Choose an organization' })
    await list.getByRole('button', { name: `Continue with ${ORG}` }).click()
    const members = profile(doraPage).getByRole('region', { name: 'Members' })
    await members.getByRole('listitem').filter({ hasText: dora.email }).getByText('Admin', { exact: true }).waitFor()

    await adaPage.reload()
    await profile(adaPage).getByRole('region', { name: 'Invitations' }).getByText('No pending invitations.').waitFor()
  })
})
