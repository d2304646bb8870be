// @vitest-environment node
import type { Component } from 'vue'
import { describe, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { clerkPlugin } from '../../src'
import {
  ClerkLoaded,
  ClerkLoading,
  CreateOrganization,
  OrganizationList,
  OrganizationProfile,
  OrganizationSwitcher,
  Protect,
  RedirectToSignIn,
  RedirectToSignUp,
  Show,
  SignedIn,
  SignedOut,
  SignIn,
  SignInButton,
  SignOutButton,
  SignUp,
  SignUpButton,
  UserButton,
  UserProfile,
} from '../../src/components'

const SIGNED_IN = { userId: 'user_1', sessionId: 'sess_1', sessionClaims: { sub: 'user_1', sid: 'sess_1' }, orgId: null }

async function render(component: Component, options: { props?: Record<string, unknown>, initialState?: Record<string, unknown>, slot?: string } = {}) {
  const requests: string[] = []
  const app = createSSRApp({ render: () => h(component, options.props ?? {}, options.slot ? () => options.slot : undefined) })
  app.use(clerkPlugin, {
    proxyUrl: 'http://localhost:4000',
    fetch: async (input) => {
      requests.push(String(input))
      return new Response('{}')
    },
    initialState: options.initialState,
    appearance: { variables: { colorPrimary: 'rebeccapurple' } },
  })
  return { html: await renderToString(app), requests }
}

describe('server-side rendering', () => {
  it('has no window or document here (so any access would throw)', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
  })

  it.each([
    ['SignIn', SignIn],
    ['SignUp', SignUp],
    ['UserProfile', UserProfile],
    ['CreateOrganization', CreateOrganization],
    ['OrganizationList', OrganizationList],
    ['OrganizationProfile', OrganizationProfile],
  ] as const)('<%s> renders its loading card, with no inline style, style tag or script', async (_name, component) => {
    const { html, requests } = await render(component)
    expect(html).toContain('class="portico-root"')
    expect(html).toContain('aria-busy="true"')
    expect(html).toContain('Loading…')
    expect(html).not.toMatch(/style=|<style|<script/)
    expect(requests).toEqual([])
  })

  it.each([
    ['UserButton', UserButton],
    ['OrganizationSwitcher', OrganizationSwitcher],
  ] as const)('<%s> renders nothing without a user', async (_name, component) => {
    expect((await render(component, { initialState: SIGNED_IN })).html).toBe('<!---->')
  })

  it.each([
    ['SignInButton', SignInButton, '<button type="button" class="portico-sign-in-button">Sign in</button>'],
    ['SignUpButton', SignUpButton, '<button type="button" class="portico-sign-up-button">Sign up</button>'],
    ['SignOutButton', SignOutButton, '<button type="button" class="portico-sign-out-button">Sign out</button>'],
  ] as const)('<%s> renders its default button', async (_name, component, expected) => {
    expect((await render(component)).html).toBe(expected)
  })

  it.each([
    ['RedirectToSignIn', RedirectToSignIn],
    ['RedirectToSignUp', RedirectToSignUp],
  ] as const)('<%s> renders nothing and does not navigate', async (_name, component) => {
    const { html, requests } = await render(component)
    expect(html).toBe('<!---->')
    expect(requests).toEqual([])
  })

  it.each([
    ['SignedIn', SignedIn, {}, ''],
    ['SignedOut', SignedOut, {}, ''],
    ['ClerkLoading', ClerkLoading, {}, 'x'],
    ['ClerkLoaded', ClerkLoaded, {}, ''],
    ['Protect', Protect, {}, ''],
    ['Show', Show, { when: 'signed-in' }, ''],
  ] as const)('<%s> without server state renders %j', async (_name, component, props, expected) => {
    const { html } = await render(component, { props, slot: 'x' })
    expect(html.replace(/<!--[^>]*-->/g, '')).toBe(expected)
  })

  it.each([
    ['SignedIn', SignedIn, {}, 'x'],
    ['SignedOut', SignedOut, {}, ''],
    ['Protect', Protect, {}, 'x'],
    ['Show', Show, { when: 'signed-in' }, 'x'],
    ['Show', Show, { when: 'signed-out' }, ''],
  ] as const)('<%s> with a signed-in initialState renders %j', async (_name, component, props, expected) => {
    const { html } = await render(component, { props, slot: 'x', initialState: SIGNED_IN })
    expect(html.replace(/<!--[^>]*-->/g, '')).toBe(expected)
  })

  it('<SignedOut> with a signed-out initialState renders its slot', async () => {
    const { html } = await render(SignedOut, { slot: 'x', initialState: { userId: null, sessionId: null } })
    expect(html.replace(/<!--[^>]*-->/g, '')).toBe('x')
  })
})
