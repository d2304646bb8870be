import type { ClerkPluginOptions } from '../../src'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { clerkPlugin, useClientStore, useOrganizationStore, useSessionStore, useUserStore } from '../../src'
import { createTestClerk, createTestServer } from '../helpers/createTestClerk'
import { signUpTestUser } from '../helpers/signUpTestUser'

/** An app with its own Pinia and the plugin, like `main.ts`; the stores are read through that Pinia only. */
function installApp(options: ClerkPluginOptions) {
  const pinia = createPinia()
  const app = createApp({ render: () => null }).use(pinia).use(clerkPlugin, options)
  return { app, pinia }
}

describe('portico stores', () => {
  it('register under portico/* ids in the app\'s Pinia, where devtools and SSR see them', async () => {
    const { clerk } = await signUpTestUser(await createTestServer(), 'ada@example.com')
    const { pinia } = installApp({ clerk })
    expect(Object.keys(pinia.state.value).sort()).toEqual(['portico/client', 'portico/organization', 'portico/session', 'portico/user'])
    expect(pinia.state.value['portico/user']!.user).toBe(clerk.user)
    expect(pinia.state.value['portico/client']!.isLoaded).toBe(true)
  })

  it('are usable outside components: getToken() in a fetch interceptor', async () => {
    const { clerk } = await signUpTestUser(await createTestServer(), 'ada@example.com')
    const { pinia } = installApp({ clerk })
    const jwt = await useSessionStore(pinia).getToken()
    expect(jwt?.split('.')).toHaveLength(3)
    expect(useSessionStore(pinia).isSignedIn).toBe(true)
    expect(useSessionStore(pinia).sessionId).toBe(clerk.session!.id)
  })

  it('ready() resolves with the Clerk object once it has loaded', async () => {
    const { clerk } = createTestClerk(await createTestServer())
    const { pinia } = installApp({ clerk })
    const store = useClientStore(pinia)
    expect(store.isLoaded).toBe(false)
    await expect(store.ready()).resolves.toBe(clerk)
    expect(store.isLoaded).toBe(true)
    expect(store.client).toBe(clerk.client)
  })

  it('reset session, user and organization to null on sign-out, keeping the client', async () => {
    const { clerk } = await signUpTestUser(await createTestServer(), 'ada@example.com')
    const { pinia } = installApp({ clerk })
    await clerk.signOut()
    expect([useSessionStore(pinia).session, useUserStore(pinia).user, useOrganizationStore(pinia).organization]).toEqual([null, null, null])
    expect(useSessionStore(pinia).auth.userId).toBeNull()
    expect(useClientStore(pinia).client?.id).toBe(clerk.client!.id)
  })

  it('record each change as a mutation (what devtools shows in its timeline)', async () => {
    const { clerk } = await signUpTestUser(await createTestServer(), 'ada@example.com')
    const { pinia } = installApp({ clerk })
    const patches: string[] = []
    useUserStore(pinia).$subscribe(mutation => patches.push(`${mutation.storeId}:${mutation.type}`))
    await clerk.signOut()
    await flushPromises()
    expect(patches).toEqual(['portico/user:direct'])
  })

  it('hydrate from initialState until the Clerk object has loaded, then follow it', async () => {
    const { clerk } = createTestClerk(await createTestServer())
    const { pinia } = installApp({ clerk, initialState: { userId: 'user_ssr', sessionId: 'sess_ssr', sessionClaims: { sub: 'user_ssr', sid: 'sess_ssr' } } })
    const session = useSessionStore(pinia)
    expect([session.auth.userId, session.isSignedIn]).toEqual(['user_ssr', true])
    await useClientStore(pinia).ready()
    // the browser's client has no session: the server-rendered state is dropped
    expect([session.auth.userId, session.isSignedIn]).toEqual([null, false])
  })

  it('follow the Clerk object in a Pinia installed after the plugin', async () => {
    const { clerk } = await signUpTestUser(await createTestServer(), 'ada@example.com')
    const pinia = createPinia()
    createApp({ render: () => null }).use(clerkPlugin, { clerk }).use(pinia)
    const user = useUserStore(pinia)
    expect(user.user).toBe(clerk.user)
    await clerk.signOut()
    expect(user.user).toBeNull()
  })

  it('are created in the app\'s Pinia; without one the plugin installs its own', async () => {
    const { clerk } = createTestClerk(await createTestServer())
    const wrapper = mount(defineComponent({ setup: () => () => h('p', String(useSessionStore().$id)) }), { global: { plugins: [[clerkPlugin, { clerk }]] as never[] } })
    expect(wrapper.text()).toBe('portico/session')
    expect(wrapper.vm.$pinia.state.value['portico/session']).toBeDefined()
    await clerk.ready
    wrapper.unmount()
  })
})
