import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useUser } from '../../src'
import { createTestClerk, createTestServer } from '../helpers/createTestClerk'
import { loaded, mountWithPlugin } from '../helpers/mountWithPlugin'
import { signUpTestUser } from '../helpers/signUpTestUser'

let state!: ReturnType<typeof useUser>
const Greeting = defineComponent({
  setup() {
    state = useUser()
    const { isLoaded, isSignedIn, user } = state
    return () => h('p', !isLoaded.value ? 'loading' : isSignedIn.value ? `hello ${user.value?.firstName ?? user.value?.primaryEmailAddress?.emailAddress}` : 'signed out')
  },
})

describe('useUser against the real server', () => {
  it('reports loading, then null when signed out', async () => {
    const { clerk } = createTestClerk(await createTestServer())
    const wrapper = mountWithPlugin(Greeting, { clerk })
    expect([wrapper.text(), state.user.value]).toEqual(['loading', undefined])
    await loaded(clerk)
    expect([wrapper.text(), state.user.value, state.isSignedIn.value]).toEqual(['signed out', null, false])
  })

  it('shows the signed-in user', async () => {
    const { clerk } = await signUpTestUser(await createTestServer(), 'ada@example.com')
    const wrapper = mountWithPlugin(Greeting, { clerk })
    expect(wrapper.text()).toBe('hello ada@example.com')
    expect(state.user.value).toBe(clerk.user)
  })

  it('follows a profile change made through the user resource', async () => {
    const server = await createTestServer({ signUp: { firstName: 'optional' } })
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    const wrapper = mountWithPlugin(Greeting, { clerk })
    const before = state.user.value!
    await before.update({ firstName: 'Ada' })
    await flushPromises()
    expect(wrapper.text()).toBe('hello Ada')
    // a new snapshot, not a mutated one: shallow refs only notice replacements
    expect(state.user.value).not.toBe(before)
    expect(state.user.value?.firstName).toBe('Ada')
  })

  it('goes back to null after signing out', async () => {
    const { clerk } = await signUpTestUser(await createTestServer(), 'ada@example.com')
    const wrapper = mountWithPlugin(Greeting, { clerk })
    await clerk.signOut()
    await flushPromises()
    expect([wrapper.text(), state.user.value]).toEqual(['signed out', null])
  })
})
