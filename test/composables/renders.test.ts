import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useAuth, useClerk, useOrganizationStore, useSession, useSessionList, useSessionStore, useSignIn, useSignUp, useUser, useUserStore } from '../../src'
import { createTestServer } from '../helpers/createTestClerk'
import { mountWithPlugin } from '../helpers/mountWithPlugin'
import { signUpTestUser, TEST_PASSWORD } from '../helpers/signUpTestUser'

// one component per composable, each reading every field it returns and counting its renders
const readers = {
  useAuth: () => Object.values(useAuth()),
  // everything but the token's claims: ids, organization, has()
  useAuthFacts: () => {
    const { sessionClaims: _claims, ...facts } = useAuth()
    return Object.values(facts)
  },
  useUser: () => Object.values(useUser()),
  useSession: () => Object.values(useSession()),
  useSessionList: () => Object.values(useSessionList()),
  useSignIn: () => Object.values(useSignIn()),
  useSignUp: () => Object.values(useSignUp()),
  useClerk: () => [useClerk()],
}

async function mountCounters(sessionMode: 'single' | 'multi' = 'single') {
  const server = await createTestServer({ sessionMode, signUp: { firstName: 'optional' } })
  if (sessionMode === 'multi')
    await (await signUpTestUser(server, 'bob@example.com')).clerk.signOut()
  const { clerk } = await signUpTestUser(server, 'ada@example.com')
  const renders: Record<string, number> = {}
  const children = Object.entries(readers).map(([name, read]) => defineComponent({
    setup() {
      const refs = read()
      renders[name] = 0
      return () => {
        renders[name]!++
        // touch every ref (and the Clerk object behind useClerk) so any change would re-render
        return h('i', refs.map(ref => String(typeof ref.value === 'object' ? ref.value && Object.keys(ref.value).length : ref.value)).join())
      }
    },
  }))
  let stores!: () => unknown[]
  mountWithPlugin(defineComponent({
    setup() {
      const [session, user, organization] = [useSessionStore(), useUserStore(), useOrganizationStore()]
      stores = () => [session.session, user.user, organization.organization]
      return () => h('div', children.map(child => h(child)))
    },
  }), { clerk })
  await flushPromises()
  const baseline = { ...renders }
  return { server, clerk, renders, baseline, stores }
}

describe('renders', () => {
  it('no composable re-renders on piggybacked clients that changed nothing', async () => {
    const { clerk, renders, baseline } = await mountCounters()
    expect(Object.keys(baseline)).toHaveLength(8)
    await clerk.user!.reload()
    await clerk.session!.reload()
    await clerk.client!.signIn.create({ identifier: 'nobody@example.com' }).catch(() => {})
    await flushPromises()
    expect(renders).toEqual(baseline)
  })

  it('a fresh session token re-renders only the readers of sessionClaims', async () => {
    const { server, clerk, renders, baseline } = await mountCounters()
    const before = clerk.session!.lastActiveToken?.getRawString()
    // a later issue time makes the server mint a different token
    server.advance(5_000)
    const fresh = await clerk.session!.getToken({ skipCache: true })
    await flushPromises()
    expect(fresh).not.toBe(before)
    expect(renders).toEqual({ ...baseline, useAuth: baseline.useAuth! + 1 })
  })

  it('a sign-in step leaves the readers of the user, the session and the organization alone', async () => {
    const { clerk, renders, baseline, stores } = await mountCounters('multi')
    const held = stores()
    const signIn = clerk.client!.signIn
    await signIn.create({ identifier: 'bob@example.com' })
    await flushPromises()
    expect(clerk.client!.signIn.status).toBe('needs_first_factor')
    expect(renders.useSignIn).toBe(baseline.useSignIn! + 1)
    await signIn.attemptFirstFactor({ strategy: 'password', password: TEST_PASSWORD })
    await flushPromises()
    // Bob's session joined the client; this tab stays on Ada's until it calls setActive
    expect(clerk.client!.signedInSessions).toHaveLength(2)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com')
    expect(stores()).toEqual(held)
    stores().forEach((value, index) => expect(value).toBe(held[index]))
    for (const name of ['useUser', 'useSession', 'useAuth', 'useAuthFacts'])
      expect(renders[name], name).toBe(baseline[name])
    expect(renders.useSessionList).toBeGreaterThan(baseline.useSessionList!)

    // while a change of the user itself does re-render them
    await clerk.user!.update({ firstName: 'Ada' })
    await flushPromises()
    expect(renders.useUser).toBe(baseline.useUser! + 1)
    expect(stores()[1]).not.toBe(held[1])
  })

  it('a real change does re-render the composables that read it', async () => {
    const { clerk, renders, baseline } = await mountCounters()
    await clerk.user!.update({ firstName: 'Ada' })
    await flushPromises()
    expect(renders.useUser).toBe(baseline.useUser! + 1)
    expect(renders.useClerk).toBe(baseline.useClerk! + 1)
    expect(clerk.user?.firstName).toBe('Ada')
  })
})
