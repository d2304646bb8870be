import type { ClerkPluginOptions } from '../plugin'
import type { ClerkOptions } from '../types'
import { Clerk } from '../core'

/** Builds the Clerk object from the plugin's options plus the plugin's router bridge. */
export function createClerkFromOptions(options: ClerkPluginOptions, router: Pick<ClerkOptions, 'routerPush' | 'routerReplace'>): Clerk {
  const {
    publishableKey,
    proxyUrl,
    fetch,
    signInUrl,
    signUpUrl,
    afterSignOutUrl,
    signInFallbackRedirectUrl,
    signUpFallbackRedirectUrl,
    signInForceRedirectUrl,
    signUpForceRedirectUrl,
    allowedRedirectOrigins,
    tabSync,
  } = options
  return new Clerk(publishableKey, {
    proxyUrl,
    fetch,
    signInUrl,
    signUpUrl,
    afterSignOutUrl,
    signInFallbackRedirectUrl,
    signUpFallbackRedirectUrl,
    signInForceRedirectUrl,
    signUpForceRedirectUrl,
    allowedRedirectOrigins,
    tabSync,
    ...router,
  })
}
