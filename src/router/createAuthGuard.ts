import type { NavigationGuardWithThis, RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router'
import type { CheckAuthorization, CheckAuthorizationParams } from '../contract'
import type { ClerkContext } from '../keys'
import { useClerkContext } from '../composables/useClerkContext'
import { useSessionStore } from '../stores/useSessionStore'
import { createHas } from '../utils/createHas'
import { inBrowser } from '../utils/inBrowser'
import { stripRouterBase } from '../utils/stripRouterBase'

/** What a route's `meta.requiresAuth` may hold: signed in, plus optionally a `has()` condition. */
export type AuthRequirement = boolean | CheckAuthorizationParams | ((has: CheckAuthorization) => boolean)

declare module 'vue-router' {
  interface RouteMeta {
    /**
     * Only signed-in users may enter; an object (`{ role: 'org:admin' }`) or a function of `has`
     * also has to pass. Signed-out users are sent to the sign-in page with a `redirect_url` back.
     */
    requiresAuth?: AuthRequirement
  }
}

/** Options of `createAuthGuard`. */
export interface AuthGuardOptions {
  /**
   * Where signed-in users go when the route's `has()` condition fails; `false` cancels the navigation.
   * @default false
   */
  unauthorizedRedirect?: RouteLocationRaw | false
}

/**
 * A vue-router `beforeEach` guard for routes marked `meta.requiresAuth`: it waits for the Clerk
 * object to load (or uses the server-rendered state), sends signed-out users to the sign-in page
 * with a `redirect_url` back to where they were going, and checks the route's `has()` condition.
 *
 * @example
 * ```ts
 * const router = createRouter({
 *   history: createWebHistory(),
 *   routes: [
 *     { path: '/dashboard', component: Dashboard, meta: { requiresAuth: true } },
 *     { path: '/billing', component: Billing, meta: { requiresAuth: { permission: 'org:billing:manage' } } },
 *   ],
 * })
 * router.beforeEach(createAuthGuard({ unauthorizedRedirect: '/' }))
 * ```
 */
export function createAuthGuard(options: AuthGuardOptions = {}): NavigationGuardWithThis<undefined> {
  const { unauthorizedRedirect = false } = options
  return async (to) => {
    const requirement = to.meta.requiresAuth
    if (!requirement)
      return true
    const ctx = useClerkContext('authGuard')
    const store = useSessionStore(ctx.pinia)
    if (store.auth.sessionId === undefined) {
      // NOTE: the server never loads; without initialState the browser decides after hydration
      if (!inBrowser())
        return true
      await ctx.ready
    }
    if (!store.isSignedIn)
      return redirectToSignIn(ctx, to)
    if (requirement === true)
      return true
    const has = createHas(store.auth)
    const allowed = typeof requirement === 'function' ? requirement(has) : has(requirement)
    return allowed ? true : unauthorizedRedirect
  }
}

/** The guard with default options: `router.beforeEach(authGuard)`. */
export const authGuard: NavigationGuardWithThis<undefined> = createAuthGuard()

function redirectToSignIn(ctx: ClerkContext, to: RouteLocationNormalized): RouteLocationRaw | false {
  // NOTE: read the router from the app rather than importing vue-router: it is an optional peer
  const router = ctx.app.config.globalProperties.$router as Router
  const href = router.resolve(to).href
  const redirectUrl = inBrowser() ? new URL(href, window.location.href).href : href
  const signInUrl = ctx.clerk.value.buildSignInUrl({ redirectUrl })
  const target = inBrowser() ? new URL(signInUrl, window.location.href) : undefined
  if (!target || target.origin === window.location.origin) {
    // an in-app sign-in page: let the router redirect within this navigation
    const path = target ? `${target.pathname}${target.search}${target.hash}` : signInUrl
    return stripRouterBase(path, router.options.history.base)
  }
  window.location.assign(target.href)
  return false
}
