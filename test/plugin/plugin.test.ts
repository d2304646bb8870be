import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h, inject } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { Clerk, clerkContextKey, clerkPlugin, useAuth, useClerk, useClientStore } from '../../src'
import { createTestClerk, createTestServer, PROXY_URL } from '../helpers/createTestClerk'
import { signUpTestUser } from '../helpers/signUpTestUser'

const Status = defineComponent({
  setup() {
    const { isLoaded, isSignedIn } = useAuth()
    return () => h('p', `${isLoaded.value} ${isSignedIn.value}`)
  },
})

const tokenCacheOff = { backgroundRefresh: false, BroadcastChannel: null, window: null, document: null }

describe('clerkPlugin', () => {
  it('creates a Clerk object from proxyUrl and fetch, and loads it in the browser', async () => {
    const server = await createTestServer()
    const { browser } = await signUpTestUser(server, 'ada@example.com')
    const wrapper = mount(Status, { global: { plugins: [[clerkPlugin, { proxyUrl: PROXY_URL, fetch: browser.fetch }]] as never[] } })
    expect(wrapper.text()).toBe('false undefined')
    await vi.waitFor(() => expect(wrapper.text()).toBe('true true'))
    expect(browser.requests).toContain('GET /v1/client')
    wrapper.unmount()
  })

  it('routes in-app redirects through the app\'s vue-router', async () => {
    const server = await createTestServer()
    const router = createRouter({ history: createMemoryHistory(), routes: ['/', '/sign-in'].map(path => ({ path, component: { render: () => null } })) })
    let clerk!: Clerk
    const wrapper = mount(defineComponent({
      setup() {
        clerk = useClerk().value
        return () => h('p')
      },
    }), { global: { plugins: [[clerkPlugin, { proxyUrl: PROXY_URL, fetch: server.browser().fetch, signInUrl: '/sign-in' }], router] as never[] } })
    await clerk.ready
    await clerk.redirectToSignIn({ redirectUrl: '/after' })
    expect(router.currentRoute.value.path).toBe('/sign-in')
    expect(router.currentRoute.value.query.redirect_url).toBe(`${location.origin}/after`)
    wrapper.unmount()
  })

  it('hands the router paths without its base', async () => {
    const server = await createTestServer()
    const router = createRouter({ history: createMemoryHistory('/app'), routes: ['/', '/sign-in'].map(path => ({ path, component: { render: () => null } })) })
    let clerk!: Clerk
    const wrapper = mount(defineComponent({
      setup() {
        clerk = useClerk().value
        return () => h('p')
      },
    }), { global: { plugins: [[clerkPlugin, { proxyUrl: PROXY_URL, fetch: server.browser().fetch, signInUrl: '/app/sign-in' }], router] as never[] } })
    await clerk.ready
    await clerk.navigate('/app/sign-in?x=1')
    expect(router.currentRoute.value.fullPath).toBe('/sign-in?x=1')
    wrapper.unmount()
  })

  it('keeps appearance and localization in the context for the components', async () => {
    const { clerk } = createTestClerk(await createTestServer())
    const appearance = { variables: { colorPrimary: '#123456' } }
    const localization = { signIn: { title: 'Welcome' } }
    let options: unknown
    const wrapper = mount(defineComponent({
      setup() {
        options = inject(clerkContextKey)?.options
        return () => h('p')
      },
    }), { global: { plugins: [[clerkPlugin, { clerk, appearance, localization }]] as never[] } })
    expect(options).toMatchObject({ appearance, localization })
    await clerk.ready
    wrapper.unmount()
  })

  it('on app.unmount() destroys the Clerk object it created and drops its stores', async () => {
    const server = await createTestServer()
    const destroy = vi.spyOn(Clerk.prototype, 'destroy')
    const pinia = createPinia()
    const app = createApp(Status).use(pinia).use(clerkPlugin, { proxyUrl: PROXY_URL, fetch: server.browser().fetch })
    app.mount(document.createElement('div'))
    await useClientStore(pinia).ready()
    app.unmount()
    expect(destroy).toHaveBeenCalledTimes(1)
    expect(Object.keys(pinia.state.value).filter(id => id.startsWith('portico/'))).toEqual([])
  })

  it('on app.unmount() leaves a Clerk object it was given alone, but stops following it', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    const destroy = vi.spyOn(clerk, 'destroy')
    const pinia = createPinia()
    const app = createApp(Status).use(pinia).use(clerkPlugin, { clerk })
    app.mount(document.createElement('div'))
    const store = useClientStore(pinia)
    const before = store.client
    app.unmount()
    await clerk.signOut()
    expect(destroy).not.toHaveBeenCalled()
    expect(clerk.client).not.toBe(before)
    expect(store.client).toBe(before)
  })

  it('records why loading failed on the client store', async () => {
    const { clerk } = createTestClerk(await createTestServer(), {
      fetch: async () => Response.json({ errors: [{ code: 'internal_clerk_error', message: 'boom' }] }, { status: 500 }),
      tokenCache: tokenCacheOff,
    })
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const pinia = createPinia()
    createApp(Status).use(pinia).use(clerkPlugin, { clerk })
    await vi.waitFor(() => expect(useClientStore(pinia).loadError).toBeTruthy())
    expect(useClientStore(pinia).isLoaded).toBe(false)
    expect(error).toHaveBeenCalledWith('[portico] Clerk failed to load:', useClientStore(pinia).loadError)
  })

  it('wires the app\'s router at navigation time, even when installed after the plugin', async () => {
    const server = await createTestServer()
    const pinia = createPinia()
    const app = createApp(Status).use(pinia).use(clerkPlugin, { proxyUrl: PROXY_URL, fetch: server.browser().fetch })
    const router = createRouter({ history: createMemoryHistory(), routes: ['/', '/later'].map(path => ({ path, component: { render: () => null } })) })
    app.use(router)
    app.mount(document.createElement('div'))
    const clerk = await useClientStore(pinia).ready()
    await clerk.navigate('/later')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/later')
    app.unmount()
  })
})
