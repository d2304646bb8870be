/**
 * The official @clerk/clerk-js, unmodified, against a running portico-server: loads, signs up with
 * email + password, verifies the email with the code from the dev inbox, activates the session, gets a
 * token that verifies against our JWKS, signs out, signs in again with the password, and creates an
 * organization, invites a member and switches to it with the admin role; the invitee signs up with the
 * emailed ticket.
 */
import type { Browser, Page } from 'playwright-core'
import type { PorticoServerHandle } from './helpers/startPorticoServer'
import type { SiteServerHandle } from './helpers/startSiteServer'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getFreePort } from './helpers/getFreePort'
import { launchBrowser } from './helpers/launchBrowser'
import { startPorticoServer } from './helpers/startPorticoServer'
import { startSiteServer } from './helpers/startSiteServer'

// pk_live_ + base64("clerk.portico.test$"): production semantics (cookie identity, no dev browser)
const PUBLISHABLE_KEY = 'pk_live_Y2xlcmsucG9ydGljby50ZXN0JA'

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>clerk-js on portico</title></head>
<body>
<script src="/assets/clerk-js/dist/clerk.browser.js" data-clerk-publishable-key="${PUBLISHABLE_KEY}" data-clerk-proxy-url="/__clerk"></script>
</body></html>`

describe('official @clerk/clerk-js against portico-server', () => {
  let server: PorticoServerHandle
  let site: SiteServerHandle
  let browser: Browser
  let tab: Page
  const requests: string[] = []

  beforeAll(async () => {
    const sitePort = await getFreePort()
    const origin = `http://127.0.0.1:${sitePort}`
    const configFile = join(mkdtempSync(join(tmpdir(), 'portico-compat-')), 'portico.config.json')
    writeFileSync(configFile, JSON.stringify({ instanceType: 'production', allowedOrigins: [origin], devInbox: true, organizations: { domains: { enabled: true } } }))
    server = await startPorticoServer({ args: ['--config', configFile] })
    site = await startSiteServer({
      port: sitePort,
      pages: { '/': page },
      static: { '/assets/clerk-js/dist/': 'node_modules/@clerk/clerk-js/dist' },
      proxy: { prefix: '/__clerk', target: server.url },
    })
    browser = await launchBrowser()
    tab = await browser.newPage()
    tab.on('request', req => requests.push(req.url()))
    await tab.goto(`${site.url}/`)
    await tab.waitForFunction(() => typeof (window as any).Clerk?.load === 'function')
  })

  afterAll(async () => {
    await browser?.close()
    await site?.stop()
    await server?.stop()
  })

  const email = `ada.${Date.now()}@example.com`
  const password = 'correct-horse-battery-9'

  /** Loads clerk-js with in-page navigation recorded instead of performed (sign-out redirects). */
  function loadClerk(): Promise<void> {
    const w = window as any
    const record = (to: string) => {
      w.__navigations = [...(w.__navigations ?? []), to]
    }
    return w.Clerk.load({ routerPush: record, routerReplace: record })
  }

  async function latestCode(address: string): Promise<string> {
    const res = await fetch(`${server.url}/dev/inbox.json`)
    const body = await res.json() as { messages?: Array<{ to: string, code?: string | null }> } | Array<{ to: string, code?: string | null }>
    const messages = Array.isArray(body) ? body : body.messages ?? []
    const mine = messages.filter(m => m.to === address && m.code)
    const code = mine.at(-1)?.code ?? mine.at(0)?.code
    if (!code)
      throw new Error(`no code for ${address} in the dev inbox: ${JSON.stringify(body).slice(0, 500)}`)
    return code
  }

  it('loads with two calls and stays on loopback', async () => {
    await tab.evaluate(loadClerk)
    expect(await tab.evaluate(() => (window as any).Clerk.loaded)).toBe(true)
    expect(await tab.evaluate(() => (window as any).Clerk.isSignedIn)).toBe(false)
    const api = requests.filter(url => url.includes('/__clerk/v1/'))
    expect(api.some(url => url.includes('/v1/environment'))).toBe(true)
    expect(api.some(url => url.includes('/v1/client'))).toBe(true)
    // blob: URLs (clerk-js workers) carry the page's origin
    expect(requests.filter(url => !new URL(url).origin.startsWith('http://127.0.0.1:'))).toEqual([])
  })

  it('signs up with email and password and verifies the email code from the dev inbox', async () => {
    const status = await tab.evaluate(async ({ email, password }) => {
      const signUp = await (window as any).Clerk.client.signUp.create({ emailAddress: email, password })
      await signUp.prepareEmailAddressVerification({ strategy: 'email_code' })
      return signUp.status
    }, { email, password })
    expect(status).toBe('missing_requirements')

    const code = await latestCode(email)
    const result = await tab.evaluate(async (code) => {
      const clerk = (window as any).Clerk
      const signUp = await clerk.client.signUp.attemptEmailAddressVerification({ code })
      await clerk.setActive({ session: signUp.createdSessionId })
      return { status: signUp.status, signedIn: clerk.isSignedIn, email: clerk.user?.primaryEmailAddress?.emailAddress }
    }, code)
    expect(result).toEqual({ status: 'complete', signedIn: true, email })
  })

  it('gets a session token that verifies against the JWKS', async () => {
    const jwt = await tab.evaluate(() => (window as any).Clerk.session.getToken())
    const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`))
    const { payload, protectedHeader } = await jwtVerify(jwt, jwks, { algorithms: ['RS256'] })
    const ids = await tab.evaluate(() => ({ sid: (window as any).Clerk.session.id, sub: (window as any).Clerk.user.id }))
    expect(protectedHeader.kid).toBeTruthy()
    expect(payload.sid).toBe(ids.sid)
    expect(payload.sub).toBe(ids.sub)
    expect(payload.azp).toBe(site.url)
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(60)
  })

  it('keeps the session across a reload through the HttpOnly client cookie', async () => {
    await tab.reload()
    await tab.waitForFunction(() => typeof (window as any).Clerk?.load === 'function')
    await tab.evaluate(loadClerk)
    const state = await tab.evaluate(async () => {
      return { signedIn: (window as any).Clerk.isSignedIn, cookie: document.cookie.includes('__client=') }
    })
    expect(state).toEqual({ signedIn: true, cookie: false })
  })

  it('signs out, then signs in again with the password', async () => {
    const signedOut = await tab.evaluate(async () => {
      await (window as any).Clerk.signOut()
      return (window as any).Clerk.isSignedIn
    })
    expect(signedOut).toBe(false)

    const after = await tab.evaluate(async ({ email, password }) => {
      const clerk = (window as any).Clerk
      const signIn = await clerk.client.signIn.create({ identifier: email, password })
      await clerk.setActive({ session: signIn.createdSessionId })
      return { status: signIn.status, signedIn: clerk.isSignedIn, email: clerk.user?.primaryEmailAddress?.emailAddress }
    }, { email, password })
    expect(after).toEqual({ status: 'complete', signedIn: true, email })
  })

  it('creates an organization, invites a member, switches to it and has the admin role', async () => {
    const result = await tab.evaluate(async () => {
      const clerk = (window as any).Clerk
      const org = await clerk.createOrganization({ name: 'Compat Co' })
      const invitation = await org.inviteMember({ emailAddress: 'grace@example.com', role: 'org:member' })
      await clerk.setActive({ organization: org.id })
      const token = await clerk.session.getToken({ skipCache: true })
      return {
        orgId: org.id,
        slug: org.slug,
        invitation: { status: invitation.status, role: invitation.role },
        activeOrgId: clerk.organization?.id,
        isAdmin: clerk.session.checkAuthorization({ role: 'org:admin' }),
        isMember: clerk.session.checkAuthorization({ role: 'org:member' }),
        canManage: clerk.session.checkAuthorization({ permission: 'org:sys_memberships:manage' }),
        token,
      }
    })
    expect(result.invitation).toEqual({ status: 'pending', role: 'org:member' })
    expect(result.activeOrgId).toBe(result.orgId)
    expect(result).toMatchObject({ isAdmin: true, isMember: false, canManage: true })
    const { payload } = await jwtVerify(result.token, createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`)), { algorithms: ['RS256'] })
    expect(payload.o).toMatchObject({ id: result.orgId, slg: result.slug, rol: 'admin' })
  })

  it('uploads an organization logo and a profile image with setLogo / setProfileImage; the browser loads both', async () => {
    const result = await tab.evaluate(async () => {
      const clerk = (window as any).Clerk
      // a 1x1 PNG
      const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), c => c.charCodeAt(0))
      const load = (src: string) => new Promise<number>((resolve) => {
        const img = new Image()
        img.onload = () => resolve(img.naturalWidth)
        img.onerror = () => resolve(-1)
        img.src = src
      })
      const org = await clerk.organization.setLogo({ file: new File([png], 'logo.png', { type: 'image/png' }) })
      const image = await clerk.user.setProfileImage({ file: new Blob([png], { type: 'image/png' }) })
      await clerk.user.reload()
      const logo = { hasImage: org.hasImage, width: await load(org.imageUrl) }
      const profile = { matches: clerk.user.imageUrl === image.publicUrl, hasImage: clerk.user.hasImage, width: await load(image.publicUrl) }
      const removed = await clerk.organization.setLogo({ file: null })
      return { logo, profile, removed: { hasImage: removed.hasImage, imageUrl: removed.imageUrl } }
    })
    expect(result).toEqual({ logo: { hasImage: true, width: 1 }, profile: { matches: true, hasImage: true, width: 1 }, removed: { hasImage: false, imageUrl: '' } })
  })

  it('adds a domain, verifies it with the emailed code, changes its enrollment mode and removes it', async () => {
    const created = await tab.evaluate(async () => {
      const clerk = (window as any).Clerk
      const domain = await clerk.organization.createDomain('compat.test')
      await domain.prepareAffiliationVerification({ affiliationEmailAddress: 'it@compat.test' })
      ;(window as any).__domain = domain
      return { name: domain.name, mode: domain.enrollmentMode, status: domain.affiliationVerification?.status, email: domain.affiliationEmailAddress }
    })
    expect(created).toEqual({ name: 'compat.test', mode: 'manual_invitation', status: 'unverified', email: 'it@compat.test' })
    const result = await tab.evaluate(async (code) => {
      const clerk = (window as any).Clerk
      const domain = await (window as any).__domain.attemptAffiliationVerification({ code })
      const verified = { status: domain.affiliationVerification?.status, expiresInMinutes: Math.round((domain.affiliationVerification?.expiresAt - Date.now()) / 60_000) }
      const updated = await domain.updateEnrollmentMode({ enrollmentMode: 'automatic_invitation', deletePending: false })
      const mode = updated.enrollmentMode
      const listed = await clerk.organization.getDomains()
      await updated.delete()
      const after = await clerk.organization.getDomains()
      return { ...verified, mode, listed: listed.data.map((d: any) => d.name), after: after.total_count ?? after.totalCount }
    }, await latestCode('it@compat.test'))
    // the code's expiry (10 minutes) reaches clerk-js as `expiresAt`
    expect(result).toEqual({ status: 'verified', expiresInMinutes: 10, mode: 'automatic_invitation', listed: ['compat.test'], after: 0 })
  })

  it('signs the invitee up with the ticket of the invitation email (strategy ticket): no code, a member at once', async () => {
    const inbox = await (await fetch(`${server.url}/dev/inbox.json`)).json() as { messages: { to: string, body: string }[] }
    const mail = inbox.messages.find(message => message.to === 'grace@example.com')
    const link = new URL(/https?:\/\/\S+/.exec(mail!.body)![0])
    expect(link.searchParams.get('__clerk_status')).toBe('sign_up')
    const result = await tab.evaluate(async ({ ticket, password }) => {
      const clerk = (window as any).Clerk
      await clerk.signOut()
      const signUp = await clerk.client.signUp.create({ strategy: 'ticket', ticket, password })
      await clerk.setActive({ session: signUp.createdSessionId })
      return {
        status: signUp.status,
        verification: { status: signUp.verifications.emailAddress.status, strategy: signUp.verifications.emailAddress.strategy },
        email: clerk.user?.primaryEmailAddress?.emailAddress,
        organizations: clerk.user?.organizationMemberships.map((membership: any) => [membership.organization.name, membership.role]),
      }
    }, { ticket: link.searchParams.get('__clerk_ticket')!, password: 'grace-portico-compat-42' })
    expect(result).toEqual({ status: 'complete', verification: { status: 'verified', strategy: 'ticket' }, email: 'grace@example.com', organizations: [['Compat Co', 'org:member']] })
  })

  it('surfaces a wrong password as a ClerkAPIResponseError with Clerk\'s code', async () => {
    const error = await tab.evaluate(async ({ email }) => {
      const clerk = (window as any).Clerk
      await clerk.signOut()
      try {
        await clerk.client.signIn.create({ identifier: email, password: 'definitely-wrong-99' })
        return null
      }
      catch (e: any) {
        return { status: e.status, code: e.errors?.[0]?.code }
      }
    }, { email })
    expect(error).toEqual({ status: 422, code: 'form_password_incorrect' })
  })
})
