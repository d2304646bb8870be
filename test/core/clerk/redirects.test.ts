import type { ClerkOptions } from '../../../src/core'
import { Window } from 'happy-dom'
import { afterEach, describe, expect, it } from 'vitest'
import { environmentSchema } from '../../../src/contract'
import { Clerk, Environment } from '../../../src/core'
import { environmentJSON } from '../../contract/fixtures/environment'

const APP = 'https://app.example.com'
const clerks: Clerk[] = []
afterEach(() => {
  for (const clerk of clerks.splice(0))
    clerk.destroy()
})

function setup(url = `${APP}/account?tab=1`, options: ClerkOptions = {}) {
  // navigation is recorded in location.href but never loads anything
  const win = new Window({ url, settings: { navigation: { disableMainFrameNavigation: true } } })
  const pushed: string[] = []
  const replaced: string[] = []
  const clerk = new Clerk(undefined, {
    proxyUrl: `${APP}/__clerk`,
    window: win as unknown as globalThis.Window,
    routerPush: to => pushed.push(to),
    routerReplace: to => replaced.push(to),
    tokenCache: { backgroundRefresh: false, BroadcastChannel: null, window: null, document: null },
    ...options,
  })
  clerks.push(clerk)
  return { clerk, win, pushed, replaced }
}

const OPEN_REDIRECTS = [
  'https://evil.com',
  'https://evil.com/app.example.com',
  '//evil.com',
  '/\\evil.com',
  '/%2F%2Fevil.com',
  'https:evil.com',
  'https://app.example.com@evil.com',
  'https://app.example.com.evil.com/',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  ' https://evil.com',
  'http://app.example.com/dashboard',
]

describe('clerk URL builders', () => {
  it('builds the sign-in URL with the current page as redirect_url', () => {
    const { clerk } = setup()
    expect(clerk.buildSignInUrl()).toBe(`/sign-in?redirect_url=${encodeURIComponent(`${APP}/account?tab=1`)}`)
  })

  it('uses the configured sign-up page and keeps an absolute page absolute', () => {
    const { clerk } = setup(undefined, { signUpUrl: 'https://accounts.example.com/join' })
    const url = new URL(clerk.buildSignUpUrl({ redirectUrl: '/welcome' }))
    expect(url.origin + url.pathname).toBe('https://accounts.example.com/join')
    expect(url.searchParams.get('redirect_url')).toBe(`${APP}/welcome`)
  })

  it('falls back to the environment\'s sign-in page', () => {
    const { clerk } = setup()
    clerk.environment = new Environment(environmentSchema.parse({
      ...environmentJSON(),
      display_config: { ...environmentJSON().display_config, sign_in_url: '/login' },
    }))
    expect(clerk.buildSignInUrl().startsWith('/login?')).toBe(true)
  })

  it('carries the force and fallback redirect URLs', () => {
    const { clerk } = setup()
    const url = new URL(clerk.buildSignInUrl({ signInForceRedirectUrl: '/forced', signUpFallbackRedirectUrl: '/onboarding' }), APP)
    expect(url.searchParams.get('sign_in_force_redirect_url')).toBe(`${APP}/forced`)
    expect(url.searchParams.get('sign_up_fallback_redirect_url')).toBe(`${APP}/onboarding`)
  })

  it.each(OPEN_REDIRECTS)('drops the redirect target %s from the sign-in URL', (target) => {
    const { clerk } = setup()
    const url = new URL(clerk.buildSignInUrl({ redirectUrl: target, signInForceRedirectUrl: target }), APP)
    expect(url.searchParams.get('redirect_url')).toBe(`${APP}/account?tab=1`)
    expect(url.searchParams.has('sign_in_force_redirect_url')).toBe(false)
  })

  it.each(OPEN_REDIRECTS)('never picks %s as the after-sign-in URL', (target) => {
    const { clerk } = setup(`${APP}/sign-in?redirect_url=${encodeURIComponent(target)}&sign_in_force_redirect_url=${encodeURIComponent(target)}`)
    expect(clerk.buildAfterSignInUrl()).toBe('/')
  })

  it('allows configured origins, as strings or RegExps', () => {
    const { clerk } = setup(undefined, { allowedRedirectOrigins: ['https://partner.example.org', /^https:\/\/[a-z]+\.preview\.dev$/] })
    expect(clerk.isAllowedRedirectUrl('https://partner.example.org/back')).toBe(true)
    expect(clerk.isAllowedRedirectUrl('https://pr42.preview.dev/')).toBe(false)
    expect(clerk.isAllowedRedirectUrl('https://abc.preview.dev/x')).toBe(true)
    expect(clerk.isAllowedRedirectUrl('https://abc.preview.dev@evil.com/')).toBe(false)
    expect(clerk.isAllowedRedirectUrl('https://evil.com/')).toBe(false)
  })

  it('picks the after-sign-in URL: force, then redirect_url, then fallback, then /', () => {
    const page = `${APP}/sign-in?redirect_url=${encodeURIComponent(`${APP}/from-query`)}`
    expect(setup(page, { signInForceRedirectUrl: '/forced', signInFallbackRedirectUrl: '/fallback' }).clerk.buildAfterSignInUrl()).toBe('/forced')
    expect(setup(page, { signInFallbackRedirectUrl: '/fallback' }).clerk.buildAfterSignInUrl()).toBe(`${APP}/from-query`)
    expect(setup(`${APP}/sign-in`, { signInFallbackRedirectUrl: '/fallback' }).clerk.buildAfterSignInUrl()).toBe('/fallback')
    expect(setup(`${APP}/sign-in`).clerk.buildAfterSignInUrl()).toBe('/')
  })

  it('lets the page\'s sign_up_force_redirect_url win after sign-up, and appends params', () => {
    const page = `${APP}/sign-up?sign_up_force_redirect_url=%2Fwelcome&redirect_url=%2Felsewhere`
    const { clerk } = setup(page)
    expect(clerk.buildAfterSignUpUrl({ params: new URLSearchParams({ new: '1' }) })).toBe('/welcome?new=1')
  })

  it('refuses an unsafe afterSignOutUrl', () => {
    expect(setup(undefined, { afterSignOutUrl: '/bye' }).clerk.buildAfterSignOutUrl()).toBe('/bye')
    expect(setup(undefined, { afterSignOutUrl: 'https://evil.com' }).clerk.buildAfterSignOutUrl()).toBe('/')
  })
})

describe('clerk navigation', () => {
  it('sends in-app redirects through routerPush, as a path', async () => {
    const { clerk, pushed, win } = setup()
    await clerk.redirectToSignIn({ redirectUrl: '/after' })
    expect(pushed).toEqual([`/sign-in?redirect_url=${encodeURIComponent(`${APP}/after`)}`])
    expect(win.location.href).toBe(`${APP}/account?tab=1`)
  })

  it('uses routerReplace for replacing navigations', async () => {
    const { clerk, replaced } = setup(`${APP}/sign-in?redirect_url=%2Fhome`)
    await clerk.redirectToAfterSignIn()
    expect(replaced).toEqual(['/home'])
  })

  it('leaves the app through window.location for another origin', async () => {
    const { clerk, pushed, win } = setup(undefined, { signInUrl: 'https://accounts.example.com/sign-in' })
    await clerk.redirectToSignIn()
    expect(pushed).toEqual([])
    expect(win.location.origin).toBe('https://accounts.example.com')
  })

  it('falls back to window.location without a router', async () => {
    const { clerk, win } = setup(undefined, { routerPush: undefined, routerReplace: undefined })
    await clerk.navigate('/elsewhere')
    expect(win.location.href).toBe(`${APP}/elsewhere`)
  })

  it('never navigates to a javascript: URL', async () => {
    const { clerk, pushed, win } = setup()
    await clerk.navigate('javascript:alert(1)')
    expect(pushed).toEqual([])
    expect(win.location.href).toBe(`${APP}/account?tab=1`)
  })
})

describe('new Clerk()', () => {
  it('accepts a proxy URL alone', () => {
    const { clerk } = setup()
    expect(clerk.frontendApiUrl).toBe(`${APP}/__clerk/v1`)
    expect(clerk.loaded).toBe(false)
    expect(clerk.client).toBeUndefined()
  })

  it('takes the Frontend API from a publishable key', () => {
    const clerk = new Clerk('pk_live_Y2xlcmsuZXhhbXBsZS5jb20k', { window: null })
    clerks.push(clerk)
    expect(clerk.frontendApiUrl).toBe('https://clerk.example.com/v1')
  })

  it.each([
    ['pk_test_bm90LWJhc2U2NCQ$$', /Invalid publishable key/],
    ['sk_live_Y2xlcmsuZXhhbXBsZS5jb20k', /pk_test_ or pk_live_/],
    ['pk_test_bG9jYWxob3N0OjQwMDAk', /has no dot/],
  ])('rejects the bad publishable key %s with a clear message', (key, message) => {
    expect(() => new Clerk(key, { window: null })).toThrow(message)
  })

  it('needs a publishable key or a proxy URL', () => {
    expect(() => new Clerk(undefined, { window: null })).toThrow(/publishable key .* or a proxyUrl/)
  })
})
