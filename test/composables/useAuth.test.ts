import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useAuth } from '../../src'
import { createTestClerk, createTestServer } from '../helpers/createTestClerk'
import { loaded, mountWithPlugin } from '../helpers/mountWithPlugin'
import { signUpTestUser, TEST_PASSWORD } from '../helpers/signUpTestUser'

const AuthStatus = defineComponent({
  setup() {
    const { isLoaded, isSignedIn, userId, sessionId, orgId } = useAuth()
    return () => h('p', !isLoaded.value ? 'loading' : isSignedIn.value ? `in ${userId.value} ${sessionId.value} ${orgId.value}` : `out ${userId.value}`)
  },
})

/** A server with Ada signed up (then signed out) and a fresh, not yet loaded browser. */
async function withUser() {
  const server = await createTestServer()
  const ada = await signUpTestUser(server, 'ada@example.com')
  const userId = ada.clerk.user!.id
  await ada.clerk.signOut()
  return { server, userId, ...createTestClerk(server) }
}

async function signIn(clerk: ReturnType<typeof createTestClerk>['clerk']) {
  const attempt = clerk.client!.signIn
  await attempt.create({ identifier: 'ada@example.com', password: TEST_PASSWORD })
  await clerk.setActive({ session: attempt.createdSessionId })
}

describe('useAuth against the real server', () => {
  it('reports loading until the Clerk object has loaded', async () => {
    const { clerk } = await withUser()
    const wrapper = mountWithPlugin(AuthStatus, { clerk })
    expect(wrapper.text()).toBe('loading')
    await loaded(clerk)
    expect(wrapper.text()).toBe('out null')
  })

  it('flips to signed in after a sign-in', async () => {
    const { clerk, userId } = await withUser()
    const wrapper = mountWithPlugin(AuthStatus, { clerk })
    await loaded(clerk)
    await signIn(clerk)
    await flushPromises()
    expect(wrapper.text()).toBe(`in ${userId} ${clerk.session!.id} null`)
  })

  it('flips back to signed out after signOut()', async () => {
    const { clerk } = await withUser()
    let auth!: ReturnType<typeof useAuth>
    const wrapper = mountWithPlugin(defineComponent({
      setup() {
        auth = useAuth()
        return () => h('p', String(auth.isSignedIn.value))
      },
    }), { clerk })
    await loaded(clerk)
    await signIn(clerk)
    await flushPromises()
    expect(wrapper.text()).toBe('true')
    await auth.signOut.value()
    await flushPromises()
    expect(wrapper.text()).toBe('false')
    expect(auth.sessionClaims.value).toBeNull()
  })

  it('exposes the session token claims once signed in', async () => {
    const { clerk, userId } = await withUser()
    let auth!: ReturnType<typeof useAuth>
    mountWithPlugin(defineComponent({
      setup() {
        auth = useAuth()
        return () => h('p')
      },
    }), { clerk })
    await loaded(clerk)
    await signIn(clerk)
    expect(auth.sessionClaims.value).toMatchObject({ sub: userId, sid: clerk.session!.id })
    expect(auth.actor.value).toBeNull()
  })

  it('getToken() waits for load and returns a token of the active session', async () => {
    const server = await createTestServer()
    const { clerk, browser } = await signUpTestUser(server, 'ada@example.com')
    const sessionId = clerk.session!.id
    // a second tab on the same browser: it starts unloaded
    const tab = createTestClerk(server, { browser }).clerk
    let auth!: ReturnType<typeof useAuth>
    mountWithPlugin(defineComponent({
      setup() {
        auth = useAuth()
        return () => h('p')
      },
    }), { clerk: tab })
    expect(tab.loaded).toBe(false)
    const jwt = await auth.getToken.value()
    expect(tab.loaded).toBe(true)
    const claims = JSON.parse(atob(jwt!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { sid: string }
    expect(claims.sid).toBe(sessionId)
  })

  it('getToken() resolves null when signed out', async () => {
    const { clerk } = await withUser()
    let auth!: ReturnType<typeof useAuth>
    mountWithPlugin(defineComponent({
      setup() {
        auth = useAuth()
        return () => h('p')
      },
    }), { clerk })
    await expect(auth.getToken.value()).resolves.toBeNull()
  })

  it('signOut() called before load waits for it, then signs out', async () => {
    const server = await createTestServer()
    const { browser } = await signUpTestUser(server, 'ada@example.com')
    const tab = createTestClerk(server, { browser }).clerk
    let auth!: ReturnType<typeof useAuth>
    const wrapper = mountWithPlugin(defineComponent({
      setup() {
        auth = useAuth()
        return () => h('p', String(auth.isSignedIn.value))
      },
    }), { clerk: tab })
    await auth.signOut.value()
    await flushPromises()
    expect(wrapper.text()).toBe('false')
    expect(tab.client!.signedInSessions).toEqual([])
  })

  it('has() is false when signed out and for an organization role without an organization', async () => {
    const { clerk } = await withUser()
    let auth!: ReturnType<typeof useAuth>
    mountWithPlugin(defineComponent({
      setup() {
        auth = useAuth()
        return () => h('p')
      },
    }), { clerk })
    await loaded(clerk)
    expect(auth.has.value({ role: 'org:member' })).toBe(false)
    await signIn(clerk)
    expect(auth.has.value({ role: 'org:member' })).toBe(false)
    expect(auth.orgRole.value).toBeNull()
  })
})
