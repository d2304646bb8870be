import type { CheckAuthorizationParams } from '../contract'
import type { GetTokenOptions, SessionResource } from '../types'
import type { AuthSnapshot, InitialState } from '../utils/deriveAuthState'
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useClerkContext } from '../composables/useClerkContext'
import { createHas } from '../utils/createHas'
import { deriveAuthState, isSignedOutState } from '../utils/deriveAuthState'
import { inBrowser } from '../utils/inBrowser'
import { tryOnScopeDispose } from '../utils/tryOnScopeDispose'
import { followClerk } from './followClerk'
import { useClientStore } from './useClientStore'
import { useOrganizationStore } from './useOrganizationStore'
import { useUserStore } from './useUserStore'

/**
 * The active session and the auth facts derived from it (ids, claims, organization role), for
 * components and for code outside them: `await useSessionStore(pinia).getToken()` in a fetch
 * interceptor, `useSessionStore(pinia).isSignedIn` in a router guard.
 */
export const useSessionStore = defineStore('portico/session', () => {
  const ctx = useClerkContext('useSessionStore')
  const clientStore = useClientStore()
  const userStore = useUserStore()
  const organizationStore = useOrganizationStore()

  /** The server-rendered auth state the plugin was given; consulted only until the Clerk object loads. */
  const initialState = shallowRef<InitialState | undefined>(ctx.options.initialState)
  /** The session snapshot: `undefined` while loading, `null` when signed out. */
  const session = shallowRef<SessionResource | null | undefined>(isSignedOutState(initialState.value) ? null : undefined)
  /**
   * The claims of the session's latest token. Fresh tokens (about one a minute) replace them while
   * `session` stays the same object, so only readers of the claims re-render.
   */
  const sessionClaims = shallowRef<Record<string, unknown> | null | undefined>(undefined)

  /** Every auth fact `useAuth` exposes, from the resources once loaded, else from `initialState`. */
  const auth = computed<AuthSnapshot>(() => deriveAuthState({
    loaded: clientStore.isLoaded,
    session: session.value,
    user: userStore.user,
    organization: organizationStore.organization,
    initialState: initialState.value,
    sessionClaims: sessionClaims.value,
  }))
  /** The facts `has()` checks: the same object until one of them changes (a fresh token alone changes none). */
  const authorization = computed<AuthSnapshot>(previous => previous && sameAuthorization(previous, auth.value) ? previous : auth.value)
  const sessionId = computed(() => auth.value.sessionId)
  /** `undefined` while loading; false when signed out or when the session still has pending tasks. */
  const isSignedIn = computed(() => {
    const { sessionId, sessionStatus } = auth.value
    return sessionId === undefined ? undefined : !!sessionId && sessionStatus !== 'pending'
  })

  /** `has()` over the current auth facts; false while loading or signed out. */
  function has(params: CheckAuthorizationParams): boolean {
    return createHas(authorization.value)(params)
  }

  /** A session token for the active session once loaded; `null` when signed out (and during server-side rendering). */
  async function getToken(options?: GetTokenOptions): Promise<string | null> {
    // NOTE: the server never loads the Clerk object: waiting would hang the render
    if (!inBrowser() && !ctx.clerk.value.loaded)
      return null
    const clerk = await ctx.ready
    return clerk.session ? clerk.session.getToken(options) : null
  }

  followClerk(ctx, () => {
    const next = ctx.clerk.value.session ?? null
    if (session.value !== next)
      session.value = next
    const claims = next?.lastActiveToken?.jwt.claims ?? null
    if (sessionClaims.value !== claims)
      sessionClaims.value = claims
  })
  tryOnScopeDispose(ctx.clerk.value.addTokenListener(({ session: renewed, token }) => {
    if (renewed === session.value)
      sessionClaims.value = token.jwt.claims
  }))

  return { session, sessionClaims, initialState, auth, authorization, sessionId, isSignedIn, has, getToken }
})

function sameAuthorization(a: AuthSnapshot, b: AuthSnapshot): boolean {
  return a.userId === b.userId
    && a.sessionId === b.sessionId
    && a.sessionStatus === b.sessionStatus
    && a.orgId === b.orgId
    && a.orgRole === b.orgRole
    && a.orgSlug === b.orgSlug
    && a.actor === b.actor
    && sameList(a.orgPermissions, b.orgPermissions)
    && sameList(a.factorVerificationAge, b.factorVerificationAge)
    // features and plans travel in the token; its other claims (iat, exp, jti…) change with every token
    && a.sessionClaims?.fea === b.sessionClaims?.fea
    && a.sessionClaims?.pla === b.sessionClaims?.pla
}

function sameList(a: readonly unknown[] | null | undefined, b: readonly unknown[] | null | undefined): boolean {
  return a === b || (!!a && !!b && a.length === b.length && a.every((item, index) => item === b[index]))
}
