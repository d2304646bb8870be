import type { SessionClaims } from '../contract'
import type { OrganizationResource, SessionResource, UserResource } from '../types'
import { parseSessionClaims } from '../contract'

/**
 * Server-rendered auth state (ClerkJS's `InitialState`), e.g. read from the session token on the
 * server. Until the Clerk object has loaded, composables report it instead of "loading".
 */
export interface InitialState {
  userId?: string | null
  sessionId?: string | null
  /** `active` or `pending`. */
  sessionStatus?: string | null
  /** The session token's decoded claims. */
  sessionClaims?: Record<string, unknown> | null
  actor?: Record<string, unknown> | null
  orgId?: string | null
  orgRole?: string | null
  orgSlug?: string | null
  orgPermissions?: string[] | null
  factorVerificationAge?: [number, number] | null
}

/**
 * The auth facts composables and guards derive from: `undefined` while loading, `null` when signed
 * out (or when the signed-in session has no active organization, for the `org*` fields).
 */
export interface AuthSnapshot {
  userId: string | null | undefined
  sessionId: string | null | undefined
  sessionStatus: string | null | undefined
  sessionClaims: Record<string, unknown> | null | undefined
  actor: Record<string, unknown> | null | undefined
  orgId: string | null | undefined
  orgRole: string | null | undefined
  orgSlug: string | null | undefined
  orgPermissions: string[] | null | undefined
  factorVerificationAge: [number, number] | null | undefined
}

/** The store snapshots `deriveAuthState` reads. */
export interface AuthSources {
  loaded: boolean
  session: SessionResource | null | undefined
  user: UserResource | null | undefined
  organization: OrganizationResource | null | undefined
  initialState: InitialState | undefined
  /**
   * The session's latest token claims: a fresh token replaces them without a new session object.
   * @default the claims of `session.lastActiveToken`
   */
  sessionClaims?: Record<string, unknown> | null
}

const LOADING: AuthSnapshot = {
  userId: undefined,
  sessionId: undefined,
  sessionStatus: undefined,
  sessionClaims: undefined,
  actor: undefined,
  orgId: undefined,
  orgRole: undefined,
  orgSlug: undefined,
  orgPermissions: undefined,
  factorVerificationAge: undefined,
}

const SIGNED_OUT: AuthSnapshot = {
  userId: null,
  sessionId: null,
  sessionStatus: null,
  sessionClaims: null,
  actor: null,
  orgId: null,
  orgRole: null,
  orgSlug: null,
  orgPermissions: null,
  factorVerificationAge: null,
}

/** Derives the auth facts from the loaded resources, else from the server-rendered state, else "loading". */
export function deriveAuthState({ loaded, session, user, organization, initialState, sessionClaims }: AuthSources): AuthSnapshot {
  if (!loaded)
    return initialState ? fromInitialState(initialState) : LOADING
  if (!session)
    return SIGNED_OUT
  // the organization resource wins; before it exists the session's active organization id is enough
  const orgId = organization?.id ?? session.lastActiveOrganizationId ?? null
  const sessionUser = user ?? session.user
  const membership = orgId ? sessionUser?.organizationMemberships.find(m => m.organization.id === orgId) : undefined
  return {
    userId: sessionUser?.id ?? null,
    sessionId: session.id,
    sessionStatus: session.status,
    sessionClaims: (sessionClaims === undefined ? session.lastActiveToken?.jwt.claims : sessionClaims) ?? null,
    actor: session.actor ?? null,
    orgId,
    orgRole: membership?.role ?? null,
    orgSlug: organization?.slug ?? membership?.organization.slug ?? null,
    orgPermissions: membership?.permissions ?? null,
    factorVerificationAge: session.factorVerificationAge ?? null,
  }
}

/** True when server-rendered state says nobody is signed in (so resources can start as `null`, not "loading"). */
export function isSignedOutState(initialState: InitialState | undefined): boolean {
  return !!initialState && fromInitialState(initialState).userId === null
}

function fromInitialState(state: InitialState): AuthSnapshot {
  // a server that only passes the token's claims still tells us who is signed in and in which organization
  const claims = state.sessionClaims ? readClaims(state.sessionClaims) : undefined
  const userId = state.userId !== undefined ? state.userId : claims?.userId
  const sessionId = state.sessionId !== undefined ? state.sessionId : claims?.sessionId
  if (userId === null || sessionId === null)
    return SIGNED_OUT
  if (userId === undefined || sessionId === undefined)
    return LOADING
  return {
    userId,
    sessionId,
    sessionStatus: state.sessionStatus ?? claims?.status ?? 'active',
    sessionClaims: state.sessionClaims ?? null,
    actor: state.actor ?? claims?.actor ?? null,
    orgId: pick(state.orgId, claims?.orgId),
    orgRole: pick(state.orgRole, claims?.orgRole),
    orgSlug: pick(state.orgSlug, claims?.orgSlug),
    orgPermissions: pick(state.orgPermissions, claims?.orgPermissions),
    factorVerificationAge: pick(state.factorVerificationAge, claims?.factorVerificationAge),
  }
}

function pick<T>(given: T | null | undefined, fromClaims: T | null | undefined): T | null {
  return given !== undefined ? given : fromClaims ?? null
}

function readClaims(claims: Record<string, unknown>): SessionClaims | undefined {
  try {
    return parseSessionClaims(claims)
  }
  catch {
    // claims without `sub`/`sid` identify nobody: the explicit ids (if any) decide
    return undefined
  }
}
