import type { Pinia } from 'pinia'
import type { App, Plugin } from 'vue'
import type { ClerkContext } from './keys'
import type { Clerk, ClerkOptions } from './types'
import type { InitialState } from './utils/deriveAuthState'
import { createPinia } from 'pinia'
import { markRaw, shallowRef, triggerRef } from 'vue'
import { clerkContextKey } from './keys'
import { useClientStore } from './stores/useClientStore'
import { useOrganizationStore } from './stores/useOrganizationStore'
import { useSessionStore } from './stores/useSessionStore'
import { useUserStore } from './stores/useUserStore'
import { createClerkFromOptions } from './utils/createClerkFromOptions'
import { inBrowser } from './utils/inBrowser'
import { stripRouterBase } from './utils/stripRouterBase'
import { validatePluginOptions } from './utils/validatePluginOptions'

/** Options of `clerkPlugin`: where the Frontend API is, the auth pages, and server-rendered state. */
export interface ClerkPluginOptions extends Omit<ClerkOptions, 'routerPush' | 'routerReplace'> {
  /** The publishable key of a Clerk instance (`pk_test_…`/`pk_live_…`); optional with `proxyUrl`. */
  publishableKey?: string
  /** The Frontend API URL, e.g. a Portico server (`https://app.example/__clerk`). */
  proxyUrl?: string
  /** An existing Clerk instance to use instead of creating one (the plugin then never destroys it). */
  clerk?: Clerk
  /** Server-rendered auth state: composables report it until the Clerk object loads (no signed-out flash). */
  initialState?: InitialState
  /** Theme for the components (`variables`, `elements`); stored for them, unused here. */
  appearance?: Record<string, unknown>
  /** String overrides for the components; stored for them, unused here. */
  localization?: Record<string, unknown>
  /** The `fetch` the Frontend API client uses (tests pass an in-process server). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch
}

interface RouterLike {
  push: (to: string) => unknown
  replace: (to: string) => unknown
  options?: { history?: { base?: string } }
}

/**
 * The Vue plugin: creates the Clerk object (or adopts `options.clerk`), installs Pinia when the app
 * has none, creates the `portico/*` stores and keeps them in sync, loads in the browser only, routes
 * in-app redirects through vue-router when the app has it, and cleans up on `app.unmount()`.
 *
 * @example
 * ```ts
 * import { clerkPlugin } from 'portico'
 * import { createApp } from 'vue'
 * import App from './App.vue'
 *
 * createApp(App)
 *   .use(clerkPlugin, { publishableKey: import.meta.env.VITE_CLERK_PUBLISHABLE_KEY })
 *   .mount('#app')
 * ```
 */
export const clerkPlugin: Plugin<[ClerkPluginOptions]> = {
  install(app: App, rawOptions: ClerkPluginOptions) {
    const options = validatePluginOptions(rawOptions)
    const pinia = ensurePinia(app)
    const owned = !options.clerk
    const clerk = options.clerk ?? createClerkFromOptions(options, {
      // read the router at call time: it is often installed after this plugin
      routerPush: to => navigate(app, 'push', to),
      routerReplace: to => navigate(app, 'replace', to),
    })

    // the core resolves `ready` after its first emission, so the stores are in sync by then
    const ready = clerk.ready.then(() => clerk)
    const clerkRef = shallowRef(markRaw(clerk))
    const ctx: ClerkContext = { app, clerk: clerkRef, pinia, ready, options }
    app.provide(clerkContextKey, ctx)

    // the Clerk object is mutated outside Vue: readers of `useClerk().value.x` must re-run on each change
    const stop = clerk.addListener(() => triggerRef(clerkRef), { skipInitialEmit: true })
    // create the stores now (each follows Clerk on its own) so devtools and SSR see them from the start
    const stores = app.runWithContext(() => [useClientStore(pinia), useSessionStore(pinia), useUserStore(pinia), useOrganizationStore(pinia)] as const)
    const [clientStore] = stores

    // NOTE: on the server there is no window, cookie jar or timers to own: render from initialState
    if (inBrowser() && !clerk.loaded) {
      clerk.load().catch((error: unknown) => {
        clientStore.loadError = error
        console.error('[portico] Clerk failed to load:', error)
      })
    }

    const dispose = (): void => {
      stop()
      if (owned)
        clerk.destroy()
      for (const store of stores) {
        store.$dispose()
        delete pinia.state.value[store.$id]
      }
    }
    onUnmount(app, dispose)
  },
}

function ensurePinia(app: App): Pinia {
  const existing = app.config.globalProperties.$pinia as Pinia | undefined
  if (existing)
    return existing
  const pinia = createPinia()
  app.use(pinia)
  return pinia
}

function navigate(app: App, method: 'push' | 'replace', to: string): unknown {
  const router = app.config.globalProperties.$router as RouterLike | undefined
  if (router)
    return router[method](stripRouterBase(to, router.options?.history?.base))
  if (!inBrowser())
    return undefined
  return method === 'replace' ? window.location.replace(to) : window.location.assign(to)
}

function onUnmount(app: App, cleanup: () => void): void {
  if (typeof app.onUnmount === 'function') {
    app.onUnmount(cleanup)
    return
  }
  // Vue < 3.5 has no onUnmount hook
  const unmount = app.unmount.bind(app)
  app.unmount = () => {
    cleanup()
    unmount()
  }
}
