import type { Component } from 'vue'
import type { Router } from 'vue-router'
import type { Clerk } from '../../src/core'
import type { ClerkPluginOptions } from '../../src/plugin'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, vi } from 'vitest'
import { clerkPlugin } from '../../src'

const mounted: { unmount: () => void }[] = []
afterEach(() => {
  for (const wrapper of mounted.splice(0))
    wrapper.unmount()
  document.body.innerHTML = ''
})

/** Options of `mountWithClerk`. */
export interface MountWithClerkOptions {
  /** Props of the component. */
  props?: Record<string, unknown>
  /** Slots of the component. */
  slots?: Record<string, string | Component>
  /** Plugin options besides `clerk` (appearance, localization...). */
  plugin?: Omit<ClerkPluginOptions, 'clerk'>
  /** Install this router in the app (path routing through vue-router). */
  router?: Router
}

/**
 * Mounts `component` in an app using `clerk` through `clerkPlugin`, attached to the document (focus
 * and axe need it), and waits until the Clerk object has loaded and the DOM has settled.
 */
export async function mountWithClerk(component: Component, clerk: Clerk, options: MountWithClerkOptions = {}) {
  const host = document.createElement('div')
  document.body.appendChild(host)
  const plugins: unknown[] = options.router ? [options.router] : []
  plugins.push([clerkPlugin, { ...options.plugin, clerk }])
  const wrapper = mount(component, {
    props: options.props,
    slots: options.slots,
    attachTo: host,
    global: { plugins: plugins as never[] },
  })
  mounted.push(wrapper)
  await clerk.load()
  await settle()
  return wrapper
}

/** Lets pending promises and re-renders run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++)
    await flushPromises()
}

/** Waits (real time) until `check` stops throwing, flushing promises in between; fails after 5 s. */
export async function until(check: () => unknown, timeout = 5000): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    const result = check()
    if (result === false)
      throw new Error('not yet')
  }, { timeout, interval: 10 })
}
