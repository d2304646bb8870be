import type { CheckAuthorizationParams } from '../contract'
import type { GetTokenOptions, SessionResource } from '../types'
import type { AuthSnapshot, InitialState } from '../utils/deriveAuthState'
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useClerkContext } from '../composables/useClerkContext'
import { createHas } from '../utils/createHas'
import { deriveAuthState, isSignedOutState } from '../utils/deriveAuthState'
import { inBrowser } from '../utils/inBrowser'
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

  /** Every auth fact `useAuth` exposes, from the resources once loaded, else from `initialState`. */
  const auth = computed<AuthSnapshot>(() => deriveAuthState({
    loaded: clientStore.isLoaded,
    session: session.value,
    user: userStore.user,
    organization: organizationStore.organization,
    initialState: initialState.value,
  }))
  const sessionId = computed(() => auth.value.sessionId)
  /** `undefined` while loading; false when signed out or when the session still has pending tasks. */
  const isSignedIn = computed(() => {
    const { sessionId, sessionStatus } = auth.value
    return sessionId === undefined ? undefined : !!sessionId && sessionStatus !== 'pending'
  })

  /** `has()` over the current auth facts; false while loading or signed out. */
  function has(params: CheckAuthorizationParams): boolean {
    return createHas(auth.value)(params)
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
  })

  return { session, initialState, auth, sessionId, isSignedIn, has, getToken }
})
