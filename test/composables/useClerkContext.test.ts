import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useAuth, useClerk, useClerkReady, useSession, useSessionList, useSessionStore, useSignIn, useSignUp, useUser } from '../../src'

const composables = { useAuth, useClerk, useClerkReady, useSession, useSessionList, useSignIn, useSignUp, useUser }

function mountUsing(use: () => unknown) {
  return mount(defineComponent({
    setup() {
      use()
      return () => h('div')
    },
  }), { global: { plugins: [createPinia()], config: { warnHandler: () => {} } } })
}

describe('composables without clerkPlugin', () => {
  it.each(Object.entries(composables))('%s() throws a message that says how to install the plugin', (name, use) => {
    expect(() => mountUsing(use)).toThrowError(`[portico] ${name}() needs clerkPlugin. Install it before mounting: app.use(clerkPlugin, {`)
  })

  it.each(Object.entries(composables))('%s() outside setup() says where it can be used', (name, use) => {
    expect(() => use()).toThrowError(`[portico] ${name}() can only be used inside setup(), a router guard or app.runWithContext()`)
  })

  it('a store created without the plugin names the store', () => {
    expect(() => mountUsing(() => useSessionStore())).toThrowError('[portico] useSessionStore() needs clerkPlugin')
  })
})
