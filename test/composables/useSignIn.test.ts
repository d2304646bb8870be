import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useAuth, useSignIn, useSignUp } from '../../src'
import { createTestClerk, createTestServer } from '../helpers/createTestClerk'
import { loaded, mountWithPlugin } from '../helpers/mountWithPlugin'
import { signUpTestUser, TEST_PASSWORD } from '../helpers/signUpTestUser'

function mountFlows(clerk: ReturnType<typeof createTestClerk>['clerk']) {
  let seen!: { signIn: ReturnType<typeof useSignIn>, signUp: ReturnType<typeof useSignUp>, auth: ReturnType<typeof useAuth> }
  const wrapper = mountWithPlugin(defineComponent({
    setup() {
      seen = { signIn: useSignIn(), signUp: useSignUp(), auth: useAuth() }
      return () => h('p', `${seen.signIn.signIn.value?.status ?? '-'} ${seen.signUp.signUp.value?.status ?? '-'} ${seen.auth.isSignedIn.value}`)
    },
  }), { clerk })
  return { wrapper, seen }
}

describe('useSignIn and useSignUp against the real server', () => {
  it('are not loaded until the client is', async () => {
    const { clerk } = createTestClerk(await createTestServer())
    const { seen } = mountFlows(clerk)
    expect([seen.signIn.isLoaded.value, seen.signIn.signIn.value, seen.signIn.setActive.value]).toEqual([false, undefined, undefined])
    expect([seen.signUp.isLoaded.value, seen.signUp.signUp.value]).toEqual([false, undefined])
    await loaded(clerk)
    expect(seen.signIn.signIn.value).toBe(clerk.client!.signIn)
    expect(seen.signUp.signUp.value).toBe(clerk.client!.signUp)
  })

  it('follow a sign-in from first step to session', async () => {
    const server = await createTestServer()
    await (await signUpTestUser(server, 'ada@example.com')).clerk.signOut()
    const { clerk } = createTestClerk(server)
    const { wrapper, seen } = mountFlows(clerk)
    await loaded(clerk)
    expect(wrapper.text()).toBe('- - false')
    await seen.signIn.signIn.value!.create({ identifier: 'ada@example.com' })
    await flushPromises()
    expect(wrapper.text()).toBe('needs_first_factor - false')
    const attempt = await seen.signIn.signIn.value!.attemptFirstFactor({ strategy: 'password', password: TEST_PASSWORD })
    await seen.signIn.setActive.value!({ session: attempt.createdSessionId })
    await flushPromises()
    expect(wrapper.text()).toMatch(/ - true$/)
  })

  it('follow a sign-up through email verification', async () => {
    const server = await createTestServer()
    const { clerk } = createTestClerk(server)
    const { wrapper, seen } = mountFlows(clerk)
    await loaded(clerk)
    await seen.signUp.signUp.value!.create({ emailAddress: 'ada@example.com', password: TEST_PASSWORD })
    await seen.signUp.signUp.value!.prepareEmailAddressVerification()
    await flushPromises()
    expect(wrapper.text()).toBe('- missing_requirements false')
    const done = await seen.signUp.signUp.value!.attemptEmailAddressVerification({ code: await server.latestCode('ada@example.com') })
    expect(done.status).toBe('complete')
    await seen.signUp.setActive.value!({ session: done.createdSessionId })
    await flushPromises()
    expect(wrapper.text()).toMatch(/ true$/)
  })
})
