import type { Pinia } from 'pinia'
import type { App, InjectionKey, ShallowRef } from 'vue'
import type { ClerkPluginOptions } from './plugin'
import type { Clerk } from './types'

/** What `clerkPlugin` provides to the app: one context object, read through `useClerkContext`. */
export interface ClerkContext {
  /** The app the plugin was installed on (its router, when it has one, handles in-app redirects). */
  app: App
  /** The Clerk instance; triggered on every state change so that reads of `clerk.value.x` stay reactive. */
  clerk: ShallowRef<Clerk>
  /** The Pinia instance holding the `portico/*` stores. */
  pinia: Pinia
  /** Resolves with the Clerk instance once it has loaded (never during server-side rendering). */
  ready: Promise<Clerk>
  /** The options the plugin was installed with (appearance, localization and URLs are read by components). */
  options: Readonly<ClerkPluginOptions>
}

/** Injection key of the `clerkPlugin` context. */
export const clerkContextKey: InjectionKey<ClerkContext> = Symbol('portico')
