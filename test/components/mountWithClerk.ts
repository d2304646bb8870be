import type { Component } from 'vue'
import type { Router } from 'vue-router'
import type { Clerk } from '../../src/core'
import type { ClerkPluginOptions } from '../../src/plugin'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach } from 'vitest'
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
  /** Slots of the component (render functions or components). */
  slots?: Record<string, unknown>
  /** Plugin options besides `clerk` (appearance, localization...). */
  plugin?: Omit<ClerkPluginOptions, 'clerk'>
  /** Install this router in the app (path routing through vue-router). */
  router?: Router
  /** Wait for the Clerk object to load before returning. @default true */
  waitForLoad?: boolean
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
    slots: options.slots as never,
    attachTo: host,
    global: { plugins: plugins as never[] },
  })
  mounted.push(wrapper)
  if (options.waitForLoad !== false) {
    await clerk.load()
    await settle()
  }
  return wrapper
}

/** Lets pending promises and re-renders run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++)
    await flushPromises()
}

/**
 * Waits until `check` neither throws nor returns false, letting the in-process server and Vue run in
 * between (it yields with `setImmediate`, which tests never fake); fails after `timeout` ms (generous:
 * argon2id hashing on a busy two-core machine can take seconds).
 */
export async function until(check: () => unknown, timeout = 20_000): Promise<void> {
  const started = process.hrtime.bigint()
  let last: unknown
  for (;;) {
    await flushPromises()
    try {
      if (check() !== false)
        return
      last = new Error('the condition is still false')
    }
    catch (error) {
      last = error
    }
    if (Number(process.hrtime.bigint() - started) / 1e6 > timeout)
      throw last
    await new Promise(resolve => setImmediate(resolve))
  }
}
