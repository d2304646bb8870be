import type { DevBrowserStore } from '../fapi'
import type { TokenCacheOptions } from '../tokens'
import type { RouterFn } from './createNavigator'
import type { AllowedRedirectOrigins } from './createRedirectGuard'
import type { TabSyncOptions } from './createTabSync'
import type { RedirectUrlOptions } from './redirectUrls'

/** Options of `new Clerk(publishableKey, options)` (ClerkJS names where ClerkJS has them). */
export interface ClerkOptions extends RedirectUrlOptions {
  /** The Frontend API behind a proxy: absolute (`http://localhost:4000`) or same-origin (`/__clerk`); enough on its own for a Portico server. */
  proxyUrl?: string
  /** Satellite domain of a production instance. */
  domain?: string
  /**
   * The fetch used for every Frontend API call; tests pass a server app's fetch.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch
  /** In-app navigation (e.g. `to => router.push(to)`); without it Clerk sets `window.location`. */
  routerPush?: RouterFn
  /** In-app navigation that replaces the history entry. @default routerPush */
  routerReplace?: RouterFn
  /**
   * Other origins redirect URLs may point to; the app's own origin is always allowed.
   * @default []
   */
  allowedRedirectOrigins?: AllowedRedirectOrigins
  /**
   * The window used for navigation, the current URL and focus events; `null` for none.
   * @default globalThis.window when it exists
   */
  window?: Window | null
  /** Force the development-browser flow on or off. @default on for `pk_test_` keys of Clerk dev hosts */
  devBrowser?: boolean
  /** Where the development-browser token is kept. @default memory */
  devBrowserStore?: DevBrowserStore
  /** Tuning of the session-token cache (timers, cross-tab channel); `fetchToken` is Clerk's own. */
  tokenCache?: Omit<TokenCacheOptions, 'fetchToken'>
  /** How this tab follows sign-ins, sign-outs and session switches made in other tabs (a channel, plus focus). */
  tabSync?: TabSyncOptions
}
