import type { VueWrapper } from '@vue/test-utils'
import type { Component } from 'vue'
import type { Router } from 'vue-router'
import type { Clerk, ClerkPluginOptions } from '../../src'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach } from 'vitest'
import { clerkPlugin } from '../../src'

/** Options of `mountWithClerk`: the Clerk to install (from `createTestClerk`), an optional router, other plugin options. */
export interface MountWithPluginOptions extends Omit<ClerkPluginOptions, 'clerk'> {
  clerk: Clerk
  router?: Router
}

const mounted: VueWrapper[] = []
afterEach(() => {
  for (const wrapper of mounted.splice(0))
    wrapper.unmount()
})

/**
 * Mounts `component` in an app with Pinia, `clerkPlugin` (adopting `clerk`, which it then loads) and
 * optionally a router, the way an application sets itself up, without waiting for the load (unlike
 * test/components' `mountWithClerk`), so the loading state can be observed. Unmounted after the test.
 */
export function mountWithPlugin(component: Component, { clerk, router, ...options }: MountWithPluginOptions): VueWrapper {
  const plugins = [createPinia(), [clerkPlugin, { clerk, ...options }], ...(router ? [router] : [])] as never[]
  const wrapper = mount(component, { global: { plugins } })
  mounted.push(wrapper)
  return wrapper
}

/** Waits until `clerk` has loaded and the DOM shows it. */
export async function loaded(clerk: Clerk): Promise<void> {
  await clerk.ready
  await flushPromises()
}
