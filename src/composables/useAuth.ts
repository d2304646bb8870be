import type { CheckAuthorization } from '../contract'
import type { GetTokenOptions, SignOutOptions } from '../types'
import type { AuthSnapshot } from '../utils/deriveAuthState'
import type { ToComputedRefs } from '../utils/toComputedRefs'
import { computed } from 'vue'
import { useSessionStore } from '../stores/useSessionStore'
import { createHas } from '../utils/createHas'
import { inBrowser } from '../utils/inBrowser'
import { porticoError } from '../utils/porticoError'
import { toComputedRefs } from '../utils/toComputedRefs'
import { useClerkContext } from './useClerkContext'

/** `getToken()`: a session token for the active session (waits for load); `null` when signed out. */
export type GetToken = (options?: GetTokenOptions) => Promise<string | null>

/** `signOut()`: signs out of every session, or of `sessionId` only (waits for load). */
export type SignOut = (options?: SignOutOptions) => Promise<void>

/** Options of `useAuth`. */
export interface UseAuthOptions {
  /** Report a session with pending tasks as signed out. @default true */
  treatPendingAsSignedOut?: boolean
}

interface AuthActions {
  has: CheckAuthorization
  signOut: SignOut
  getToken: GetToken
}

/** `useAuth()` while the Clerk object loads (and no server-rendered state was given). */
export interface AuthLoading extends AuthActions {
  isLoaded: false
  isSignedIn: undefined
  userId: undefined
  sessionId: undefined
  sessionClaims: undefined
  actor: undefined
  orgId: undefined
  orgRole: undefined
  orgSlug: undefined
}

/** `useAuth()` when nobody is signed in. */
export interface AuthSignedOut extends AuthActions {
  isLoaded: true
  isSignedIn: false
  userId: null
  sessionId: null
  sessionClaims: null
  actor: null
  orgId: null
  orgRole: null
  orgSlug: null
}

/** `useAuth()` when signed in, with or without an active organization. */
export interface AuthSignedIn extends AuthActions {
  isLoaded: true
  isSignedIn: true
  userId: string
  sessionId: string
  sessionClaims: Record<string, unknown>
  actor: Record<string, unknown> | null
  orgId: string | null
  orgRole: string | null
  orgSlug: string | null
}

/** Every state `useAuth()` can report. */
export type AuthState = AuthLoading | AuthSignedOut | AuthSignedIn

/** What `useAuth()` returns: one computed ref per field, so it can be destructured. */
export type UseAuthReturn = ToComputedRefs<AuthState>

const never: CheckAuthorization = () => false

/**
 * The current auth state: `isLoaded` false (everything else `undefined`) until the Clerk object
 * loads, then ids and claims when signed in, `null`s when signed out. `getToken` and `signOut`
 * wait for load.
 *
 * @example
 * ```vue
 * <script setup lang="ts">
 * import { useAuth } from 'portico'
 *
 * const { isLoaded, isSignedIn, userId, getToken } = useAuth()
 * const load = async () => fetch('/api/data', { headers: { Authorization: `Bearer ${await getToken.value()}` } })
 * </script>
 *
 * <template>
 *   <p v-if="!isLoaded">Loading…</p>
 *   <p v-else-if="isSignedIn">Signed in as {{ userId }}</p>
 * </template>
 * ```
 */
export function useAuth(options: UseAuthOptions = {}): UseAuthReturn {
  const { treatPendingAsSignedOut = true } = options
  const { pinia, ready, clerk } = useClerkContext('useAuth')
  const store = useSessionStore(pinia)
  const actions = {
    getToken: options => store.getToken(options),
    signOut: async (options) => {
      if (!inBrowser() && !clerk.value.loaded)
        // eslint-disable-next-line node/prefer-global/process
        throw porticoError(process.env.NODE_ENV !== 'production' ? 'signOut() can only run in the browser: the server never loads the Clerk object.' : 'sign-out-on-server')
      return (await ready).signOut(options)
    },
  } satisfies Omit<AuthActions, 'has'>
  // its own computed: a fresh token renews `sessionClaims` but leaves `has` (and its readers) alone
  const has = computed(() => createHas(store.authorization))
  const state = computed(() => resolveAuthState(store.auth, treatPendingAsSignedOut, actions, has.value))
  return toComputedRefs(state)
}

function resolveAuthState(auth: AuthSnapshot, treatPendingAsSignedOut: boolean, actions: Omit<AuthActions, 'has'>, has: CheckAuthorization): AuthState {
  const { userId, sessionId, sessionClaims } = auth
  if (sessionId === undefined && userId === undefined) {
    return {
      ...actions,
      has: never,
      isLoaded: false,
      isSignedIn: undefined,
      userId: undefined,
      sessionId: undefined,
      sessionClaims: undefined,
      actor: undefined,
      orgId: undefined,
      orgRole: undefined,
      orgSlug: undefined,
    }
  }
  if (!sessionId || !userId || (treatPendingAsSignedOut && auth.sessionStatus === 'pending')) {
    return {
      ...actions,
      has: never,
      isLoaded: true,
      isSignedIn: false,
      userId: null,
      sessionId: null,
      sessionClaims: null,
      actor: null,
      orgId: null,
      orgRole: null,
      orgSlug: null,
    }
  }
  if (!sessionClaims)
    // eslint-disable-next-line node/prefer-global/process
    throw porticoError(process.env.NODE_ENV !== 'production' ? `useAuth(): session ${sessionId} has no session token. This is a bug in the Clerk object's state, not in your code.` : 'session-without-token')
  // an active organization the user holds no role in counts as none: authorization fails closed
  const inOrg = !!auth.orgId && !!auth.orgRole
  return {
    ...actions,
    has,
    isLoaded: true,
    isSignedIn: true,
    userId,
    sessionId,
    sessionClaims,
    actor: auth.actor ?? null,
    orgId: inOrg ? auth.orgId! : null,
    orgRole: inOrg ? auth.orgRole! : null,
    orgSlug: inOrg ? auth.orgSlug ?? null : null,
  }
}
