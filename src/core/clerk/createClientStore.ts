import type { ClientJSON } from '../../contract'
import type { ResourceContext } from '../resources/ResourceContext'
import type { TokenCache } from '../tokens'
import type { ClientState } from './clientState'
import type { SessionTokenUpdate } from './followSessionTokens'
import type { ResourcePool } from './shareResources'
import { Client } from '../resources/Client'
import { createEmitter } from '../utils/createEmitter'
import { clientFingerprint, deriveClientState } from './clientState'
import { followSessionTokens } from './followSessionTokens'
import { shareResources } from './shareResources'

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
  /**
   * Replaces the state from a client payload; emits once unless only tokens changed (or a hold is on).
   * The current session stays this tab's own while it is signed in (see `deriveClientState`).
   */
  apply: (json: ClientJSON | null) => void
  /** Makes `sessionId` this tab's current session (`setActive`); it then stays current until it ends. */
  select: (sessionId: string) => void
  /** Runs `task` with commits deferred: the state it produces is committed and emitted once, afterwards. */
  hold: <T>(task: () => Promise<T>) => Promise<T>
  /** Starts emitting (after load) and emits the current state once. */
  goLive: () => void
  /** Registers a listener; called at once with the current state when live (unless skipped). */
  subscribe: (listener: (resources: Resources) => void, options?: ListenerOptions) => () => void
  /**
   * Registers a listener for fresher session tokens of the committed snapshot's sessions (a
   * background refresh, `getToken()`, another tab): the session object stays the same, so no
   * snapshot is emitted for them. Returns its unsubscribe.
   */
  onToken: (listener: (update: SessionTokenUpdate) => void) => () => void
  /** Drops every listener. */
  destroy: () => void
}

/**
 * Creates the state machine behind Clerk's `client`/`session`/`user`/`organization`. A payload that
 * changed something yields a new snapshot (a framework keeps its parts in shallow refs and compares
 * identities) in which every resource whose wire form did not change is the previous object
 * (`shareResources`), so only the parts that changed get new identities. A payload that only
 * carries fresh tokens updates the token cache and the current sessions' `lastActiveToken` without
 * emitting; token listeners hear of those.
 */
export function createClientStore(ctx: ResourceContext, tokens: TokenCache): ClientStore {
  const emitter = createEmitter<Resources>()
  const tokenEmitter = createEmitter<SessionTokenUpdate>()
  let state: ClientState | undefined
  let pending: ClientState | undefined
  let fingerprint: string | undefined
  let holds = 0
  let live = false
  let pool: ResourcePool = new Map()
  const sessionTokens = followSessionTokens(tokens, () => [state?.client, pending?.client], (update) => {
    if (live)
      tokenEmitter.emit(update)
  })

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
      // the cache hands fresher tokens to the current sessions (followSessionTokens)
      seed(json)
      const key = clientFingerprint(json)
      const current = pending ?? state
      if (current && key === fingerprint)
        return
      fingerprint = key
      const client = new Client(json, ctx)
      pool = shareResources(client, json, pool, current?.client)
      sessionTokens.catchUp(client)
      sessionTokens.prune(client)
      pending = deriveClientState(client, current?.session?.id)
      commit()
    },
    select(sessionId) {
      const current = pending ?? state
      if (!current || current.session?.id === sessionId)
        return
      pending = deriveClientState(current.client, sessionId)
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
    onToken: listener => tokenEmitter.on(listener),
    destroy() {
      emitter.clear()
      tokenEmitter.clear()
      sessionTokens.stop()
      live = false
    },
  }
}
