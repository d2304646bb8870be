import type { ClientJSON } from '../../contract'
import type { ResourceContext } from '../resources/ResourceContext'
import type { TokenCache } from '../tokens'
import type { ClientState } from './clientState'
import type { MembershipPool } from './reuseMemberships'
import { Client } from '../resources/Client'
import { Token } from '../resources/Token'
import { clientFingerprint, deriveClientState } from './clientState'
import { createEmitter } from './createEmitter'
import { reuseMemberships } from './reuseMemberships'

/** What `clerk.addListener` callbacks receive (ClerkJS's `Resources`). */
export type Resources = ClientState

/** Options of `ClientStore.subscribe`. */
export interface ListenerOptions {
  /** Don't call the listener right away with the current state. @default false */
  skipInitialEmit?: boolean
}

/** Holds Clerk's client snapshot and decides when listeners hear about it. */
export interface ClientStore {
  /** The committed snapshot; undefined until the first client was applied. */
  readonly state: ClientState | undefined
  /** The snapshot listeners will see next: a held one if any, else the committed one. */
  readonly latest: ClientState | undefined
  /** Whether listeners are told about changes (false until `load()` finished). */
  readonly live: boolean
  /** Replaces the state from a client payload; emits once unless only tokens changed (or a hold is on). */
  apply: (json: ClientJSON | null) => void
  /** Runs `task` with commits deferred: the state it produces is committed and emitted once, afterwards. */
  hold: <T>(task: () => Promise<T>) => Promise<T>
  /** Starts emitting (after load) and emits the current state once. */
  goLive: () => void
  /** Registers a listener; called at once with the current state when live (unless skipped). */
  subscribe: (listener: (resources: Resources) => void, options?: ListenerOptions) => () => void
  /** Drops every listener. */
  destroy: () => void
}

/**
 * Creates the state machine behind Clerk's `client`/`session`/`user`/`organization`: every payload
 * builds new resource objects (snapshot semantics: a framework keeps them in shallow refs and needs
 * new identities), except a payload that only carries fresh tokens, which updates the token cache
 * and the current objects' `lastActiveToken` without emitting.
 */
export function createClientStore(ctx: ResourceContext, tokens: TokenCache): ClientStore {
  const emitter = createEmitter<Resources>()
  let state: ClientState | undefined
  let pending: ClientState | undefined
  let fingerprint: string | undefined
  let holds = 0
  let live = false
  let memberships: MembershipPool = new Map()

  function commit(): void {
    if (holds > 0 || !pending)
      return
    const previous = state
    state = pending
    pending = undefined
    forgetSignedOut(previous, state)
    tokens.setActiveSession(state.session?.id ?? null, state.session?.lastActiveOrganizationId)
    if (live)
      emitter.emit(state)
  }

  function forgetSignedOut(previous: ClientState | undefined, next: ClientState): void {
    const stillIn = new Set(next.client.signedInSessions.map(session => session.id))
    for (const session of previous?.client.signedInSessions ?? []) {
      if (!stillIn.has(session.id))
        tokens.clear(session.id)
    }
  }

  function seed(json: ClientJSON | null): void {
    for (const session of json?.sessions ?? []) {
      const signedIn = session.status === 'active' || session.status === 'pending'
      if (signedIn && session.last_active_token)
        tokens.seed(session.id, session.last_active_organization_id, session.last_active_token.jwt)
    }
  }

  return {
    get state() {
      return state
    },
    get latest() {
      return pending ?? state
    },
    get live() {
      return live
    },
    apply(json) {
      seed(json)
      const key = clientFingerprint(json)
      const current = pending ?? state
      if (current && key === fingerprint) {
        refreshTokensInPlace(current.client, json)
        return
      }
      fingerprint = key
      const client = new Client(json, ctx)
      memberships = reuseMemberships(client, json, memberships)
      pending = deriveClientState(client)
      commit()
    },
    async hold(task) {
      holds++
      try {
        return await task()
      }
      finally {
        holds--
        commit()
      }
    },
    goLive() {
      live = true
      if (state)
        emitter.emit(state)
    },
    subscribe(listener, { skipInitialEmit = false } = {}) {
      const off = emitter.on(listener)
      if (live && state && !skipInitialEmit)
        listener(state)
      return off
    },
    destroy() {
      emitter.clear()
      live = false
    },
  }
}

function refreshTokensInPlace(client: Client, json: ClientJSON | null): void {
  // NOTE: a deliberate in-place update: the token is not render state, and re-emitting for it would
  // re-render every consumer each time the server mints one (about once a minute)
  for (const session of client.sessions) {
    const token = json?.sessions.find(s => s.id === session.id)?.last_active_token
    if (token && token.jwt !== session.lastActiveToken?.getRawString())
      session.lastActiveToken = new Token(token.jwt)
  }
}
