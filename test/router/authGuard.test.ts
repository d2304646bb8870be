import type { NavigationGuardWithThis } from 'vue-router'
import type { InitialState } from '../../src'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { authGuard, createAuthGuard } from '../../src'
import { createTestClerk, createTestServer } from '../helpers/createTestClerk'
import { mountWithPlugin } from '../helpers/mountWithPlugin'
import { signUpTestUser } from '../helpers/signUpTestUser'

const Page = defineComponent({ render: () => h('main') })

function makeRouter(guard: NavigationGuardWithThis<undefined> = authGuard, base?: string) {
  const router = createRouter({
    history: createMemoryHistory(base),
    routes: [
      { path: '/', component: Page },
      { path: '/sign-in', component: Page },
      { path: '/dashboard', component: Page, meta: { requiresAuth: true } },
      { path: '/admin', component: Page, meta: { requiresAuth: { role: 'org:admin' } } },
      { path: '/beta', component: Page, meta: { requiresAuth: has => !has({ role: 'org:admin' }) } },
    ],
  })
  router.beforeEach(guard)
  return router
}

type Tab = ReturnType<typeof createTestClerk>

/** Mounts an app with the router, the plugin adopting `tab.clerk`, and waits for the first (public) navigation. */
async function mountApp(tab: Tab, router = makeRouter(), initialState?: InitialState) {
  mountWithPlugin(defineComponent({ render: () => h(RouterView) }), { clerk: tab.clerk, router, initialState })
  await router.isReady()
  return router
}

/** A Clerk in a browser tab: signed in (a second tab of the browser Ada signed up in) or a fresh browser. */
async function tab(signedIn: boolean, signInUrl = '/sign-in'): Promise<Tab> {
  const server = await createTestServer()
  const options = { window, signInUrl }
  if (!signedIn)
    return createTestClerk(server, options)
  const { browser } = await signUpTestUser(server, 'ada@example.com')
  return createTestClerk(server, { ...options, browser })
}

describe('authGuard', () => {
  it('waits for the Clerk object to load before deciding', async () => {
    const ada = await tab(true)
    const router = await mountApp(ada)
    expect(ada.clerk.loaded).toBe(false)
    await router.push('/dashboard')
    expect(router.currentRoute.value.path).toBe('/dashboard')
    expect(ada.clerk.loaded).toBe(true)
  })

  it('sends signed-out users to the sign-in page with a redirect_url back', async () => {
    const router = await mountApp(await tab(false))
    await router.push('/dashboard?tab=billing')
    expect(router.currentRoute.value.path).toBe('/sign-in')
    expect(router.currentRoute.value.query.redirect_url).toBe(`${location.origin}/dashboard?tab=billing`)
  })

  it('lets public routes through without waiting for load', async () => {
    const guest = await tab(false)
    guest.browser.offline = true
    const router = await mountApp(guest)
    let settled = false
    void router.push('/dashboard').then(() => {
      settled = true
    })
    await flushPromises()
    expect(settled).toBe(false)
    await router.push('/sign-in')
    expect(router.currentRoute.value.path).toBe('/sign-in')
    expect(guest.clerk.loaded).toBe(false)
  })

  it('decides from the server-rendered state without waiting for load', async () => {
    const guest = await tab(false)
    guest.browser.offline = true
    const router = await mountApp(guest, makeRouter(), { userId: 'user_1', sessionId: 'sess_1', sessionClaims: { sub: 'user_1', sid: 'sess_1' } })
    await router.push('/dashboard')
    expect(router.currentRoute.value.path).toBe('/dashboard')
  })

  it('cancels the navigation when the route\'s has() condition fails', async () => {
    const router = await mountApp(await tab(true))
    const failure = await router.push('/admin')
    expect(failure).toBeTruthy()
    expect(router.currentRoute.value.path).toBe('/')
  })

  it('redirects to unauthorizedRedirect when the has() condition fails', async () => {
    const router = await mountApp(await tab(true), makeRouter(createAuthGuard({ unauthorizedRedirect: '/sign-in' })))
    await router.push('/admin')
    expect(router.currentRoute.value.path).toBe('/sign-in')
    expect(router.currentRoute.value.query.redirect_url).toBeUndefined()
  })

  it('passes has to a predicate condition', async () => {
    const router = await mountApp(await tab(true))
    await router.push('/beta')
    expect(router.currentRoute.value.path).toBe('/beta')
  })

  it('hands a router with a base its own paths', async () => {
    const router = await mountApp(await tab(false, '/app/sign-in'), makeRouter(authGuard, '/app'))
    await router.push('/dashboard')
    expect(router.currentRoute.value.path).toBe('/sign-in')
    expect(router.currentRoute.value.query.redirect_url).toBe(`${location.origin}/app/dashboard`)
  })

  it('leaves the app for a sign-in page on another origin', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {})
    const router = await mountApp(await tab(false, 'https://accounts.example.com/sign-in'))
    await router.push('/dashboard')
    expect(router.currentRoute.value.path).toBe('/')
    expect(assign).toHaveBeenCalledWith(`https://accounts.example.com/sign-in?redirect_url=${encodeURIComponent(`${location.origin}/dashboard`)}`)
  })
})
