import type { Browser, Locator, Page } from 'playwright-core'
import type { DevInbox } from './helpers/devInbox'
import type { DevStackHandle } from './helpers/startDevStack'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PNG_1X1 } from '../../server/test/helpers/imageFixtures'
import { signUpThroughUi } from './helpers/authFlows'
import { createDevInbox } from './helpers/devInbox'
import { launchBrowser } from './helpers/launchBrowser'
import { playgroundUser } from './helpers/playgroundUser'
import { saveScreens } from './helpers/saveScreens'
import { startDevStack } from './helpers/startDevStack'
import { UI_WAIT } from './helpers/uiWait'

// The playground with verified domains on: Ada uploads a logo (the browser loads it through the
// playground's /__clerk proxy, as an <img> does) and adds, verifies and configures a domain.
describe('playground: organization logo and verified domains in Chromium', () => {
  const ada = playgroundUser('Ada')
  const ORG = 'Acme Rockets'
  const DOMAIN = 'acme-rockets.test'
  let stack: DevStackHandle
  let browser: Browser
  let inbox: DevInbox
  let page: Page
  const previousConfig = process.env.PORTICO_CONFIG

  const profile = (): Locator => page.getByRole('region', { name: 'Organization', exact: true })
  const domains = (): Locator => profile().getByRole('region', { name: 'Verified domains' })
  /** True once every <img> the locator holds has loaded real pixels. */
  const loaded = (images: Locator) => images.evaluateAll(list => list.length > 0 && list.every(img => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))

  beforeAll(async () => {
    const config = JSON.parse(readFileSync('playground/portico.config.json', 'utf8')) as { organizations?: Record<string, unknown> }
    config.organizations = { ...config.organizations, domains: { enabled: true } }
    const file = join(mkdtempSync(join(tmpdir(), 'portico-e2e-config-')), 'portico.config.json')
    writeFileSync(file, JSON.stringify(config))
    process.env.PORTICO_CONFIG = file
    stack = await startDevStack()
    inbox = createDevInbox(stack.url)
    browser = await launchBrowser()
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    await signUpThroughUi(page, stack.url, inbox, ada)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click()
    const create = page.getByRole('region', { name: 'Create organization' })
    await create.getByLabel('Name', { exact: true }).fill(ORG)
    await create.getByRole('button', { name: 'Create organization' }).click()
    await profile().waitFor()
  })

  afterAll(async () => {
    if (previousConfig === undefined)
      delete process.env.PORTICO_CONFIG
    else
      process.env.PORTICO_CONFIG = previousConfig
    await browser?.close()
    await stack?.stop()
  })

  it('uploads a logo: the profile, the switcher and the image URL show it', async () => {
    const logo = profile().getByRole('group', { name: 'Logo' })
    await logo.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG_1X1 })
    await logo.getByText('The logo was updated.').waitFor()
    await expect.poll(() => loaded(logo.locator('img')), UI_WAIT).toBe(true)
    const trigger = page.getByRole('button', { name: /^Switch organization, current:/ })
    await expect.poll(() => loaded(trigger.locator('img')), UI_WAIT).toBe(true)

    const src = await logo.locator('img').getAttribute('src')
    expect(src).toMatch(new RegExp(`^${stack.url}/__clerk/v1/images/img_`))
    const res = await fetch(src!)
    expect([res.status, res.headers.get('content-type'), res.headers.get('x-content-type-options')]).toEqual([200, 'image/png', 'nosniff'])
  })

  it('refuses an SVG in the browser before sending it', async () => {
    const logo = profile().getByRole('group', { name: 'Logo' })
    await logo.locator('input[type="file"]').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') })
    await logo.getByRole('alert').getByText('This file type is not supported. Choose a PNG, JPEG, GIF or WebP image.').waitFor()
  })

  it('adds a domain, verifies it by a code sent to an address on it, and turns automatic invitations on', async () => {
    await domains().getByLabel('Domain name').fill(DOMAIN)
    await domains().getByRole('button', { name: 'Add domain' }).click()
    const row = domains().getByRole('listitem').filter({ hasText: DOMAIN })
    await row.getByLabel('Email address').fill('it')
    const code = await inbox.codeFrom(`it@${DOMAIN}`, () => row.getByRole('button', { name: 'Send code' }).click())
    await row.getByLabel('Verification code').fill(code)
    await row.getByRole('group', { name: 'Enrollment mode' }).waitFor()
    await row.getByLabel('Automatic invitations').check()
    await row.getByRole('button', { name: 'Save' }).click()
    await domains().getByText(`The enrollment mode of ${DOMAIN} was saved.`).waitFor()
    await row.getByText('Automatic invitations · 0 pending invitations').waitFor()
    await saveScreens(page, 'organization-logo-domains')
  })
})
