import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createTestClerk, createTestServer } from '../helpers/createTestClerk'
import { loaded, mountWithPlugin } from '../helpers/mountWithPlugin'
import { signUpTestUser, TEST_PASSWORD } from '../helpers/signUpTestUser'
import AuthPanel from './dropIn/AuthPanel.vue'
import SessionPanel from './dropIn/SessionPanel.vue'
import SignInForm from './dropIn/SignInForm.vue'
import SignOutButton from './dropIn/SignOutButton.vue'
import UserPanel from './dropIn/UserPanel.vue'

// The components in ./dropIn are written the way @clerk/vue's documentation writes them (plain
// `<script setup>`, `.value` on the returned refs, refs unwrapped in templates); the only change is
// the import path. They must run unchanged against portico.
const App = defineComponent({ render: () => h('div', [h(AuthPanel), h(UserPanel), h(SessionPanel), h(SignInForm), h(SignOutButton)]) })

async function signedOutBrowser() {
  const server = await createTestServer({ signUp: { firstName: 'optional' } })
  await (await signUpTestUser(server, 'ada@example.com')).clerk.signOut()
  return createTestClerk(server)
}

describe('drop-in: components written for @clerk/vue', () => {
  it('render the loading, then the signed-out state', async () => {
    const { clerk } = await signedOutBrowser()
    const wrapper = mountWithPlugin(App, { clerk })
    expect(wrapper.get('.auth').text()).toBe('Loading...')
    expect(wrapper.get('.user').text()).toBe('Loading...')
    await loaded(clerk)
    expect(wrapper.get('.auth').text()).toBe('Sign in to view this page')
    expect(wrapper.get('.user').text()).toBe('Sign in to view this page')
    expect(wrapper.get('.session').text()).toBe('Signed out, 0 sessions')
  })

  it('sign in through a custom form and show the user, session and token', async () => {
    const { clerk } = await signedOutBrowser()
    const wrapper = mountWithPlugin(App, { clerk })
    await loaded(clerk)
    await wrapper.get('#email').setValue('ada@example.com')
    await wrapper.get('#password').setValue(TEST_PASSWORD)
    await wrapper.get('form').trigger('submit')
    // the password check runs on the server's worker threads: wait for it rather than for one tick
    await vi.waitFor(() => expect(clerk.isSignedIn).toBe(true))
    await flushPromises()
    expect(wrapper.get('.auth').text()).toContain(`Hello, ${clerk.user!.id}! Your current active session is ${clerk.session!.id}.`)
    expect(wrapper.get('.session').text()).toContain('You have 1 session.')
    await wrapper.get('.token').trigger('click')
    await flushPromises()
    expect(wrapper.get('.token-parts').text()).toBe('3')
  })

  it('show a sign-in error the documented way (err.errors[0])', async () => {
    const { clerk } = await signedOutBrowser()
    const wrapper = mountWithPlugin(App, { clerk })
    await loaded(clerk)
    await wrapper.get('#email').setValue('ada@example.com')
    await wrapper.get('#password').setValue('not-the-password')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.get('.error').text()).toBe('form_password_incorrect'))
  })

  it('update the user and sign out with the documented calls', async () => {
    const { clerk } = await signedOutBrowser()
    const wrapper = mountWithPlugin(App, { clerk })
    await loaded(clerk)
    await wrapper.get('#email').setValue('ada@example.com')
    await wrapper.get('#password').setValue(TEST_PASSWORD)
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('.update').exists()).toBe(true))
    await wrapper.get('.update').trigger('click')
    await vi.waitFor(() => expect(wrapper.get('.user').text()).toContain('user.firstName: John'))
    await wrapper.get('.sign-out').trigger('click')
    await vi.waitFor(() => expect(wrapper.get('.auth').text()).toBe('Sign in to view this page'))
    expect(wrapper.get('.user').text()).toBe('Sign in to view this page')
  })
})
