import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useAuth, useClerk, useSession, useSessionList, useSignIn, useSignUp, useUser } from '../../src'
import { createTestServer } from '../helpers/createTestClerk'
import { mountWithPlugin } from '../helpers/mountWithPlugin'
import { signUpTestUser } from '../helpers/signUpTestUser'
import '../components/keepServerHeaders'

// one component per composable, each reading every field it returns and counting its renders
const readers = {
  useAuth: () => Object.values(useAuth()),
  useUser: () => Object.values(useUser()),
  useSession: () => Object.values(useSession()),
  useSessionList: () => Object.values(useSessionList()),
  useSignIn: () => Object.values(useSignIn()),
  useSignUp: () => Object.values(useSignUp()),
  useClerk: () => [useClerk()],
}

async function mountCounters() {
  const server = await createTestServer({ signUp: { firstName: 'optional' } })
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
  mountWithPlugin(defineComponent({ setup: () => () => h('div', children.map(child => h(child))) }), { clerk })
  await flushPromises()
  const baseline = { ...renders }
  return { server, clerk, renders, baseline }
}

describe('renders', () => {
  it('no composable re-renders on piggybacked clients that changed nothing', async () => {
    const { clerk, renders, baseline } = await mountCounters()
    expect(Object.keys(baseline)).toHaveLength(7)
    await clerk.user!.reload()
    await clerk.session!.reload()
    await clerk.client!.signIn.create({ identifier: 'nobody@example.com' }).catch(() => {})
    await flushPromises()
    expect(renders).toEqual(baseline)
  })

  it('no composable re-renders when only a fresh session token arrives', async () => {
    const { server, clerk, renders, baseline } = await mountCounters()
    const before = clerk.session!.lastActiveToken?.getRawString()
    // a later issue time makes the server mint a different token
    server.advance(5_000)
    const fresh = await clerk.session!.getToken({ skipCache: true })
    await flushPromises()
    expect(fresh).not.toBe(before)
    expect(renders).toEqual(baseline)
  })

  it('a real change does re-render the composables that read it', async () => {
    const { clerk, renders, baseline } = await mountCounters()
    await clerk.user!.update({ firstName: 'Ada' })
    await flushPromises()
    expect(renders.useUser).toBe(baseline.useUser! + 1)
    expect(renders.useClerk).toBe(baseline.useClerk! + 1)
  })
})
