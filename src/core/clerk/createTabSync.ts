import type { ClientJSON } from '../../contract'
import type { BroadcastChannelConstructor, WakeDocument, WakeWindow } from '../tokens'
import type { ClientMessage } from './clientChannel'
import type { ClientStore } from './createClientStore'
import { watchWakeSignals } from '../tokens/watchWakeSignals'
import { coalesce } from '../utils/coalesce'
import { readClientMessage, toClientMessage } from './clientChannel'

/** Options of `ClerkOptions.tabSync`: how the tabs of one browser keep their signed-in state in step. */
export interface TabSyncOptions {
  /**
   * `BroadcastChannel` the tabs announce sign-ins, sign-outs and session switches on; `null` leaves
   * only the focus fallback. Never defaulted without a window: SSR requests must not hear each other.
   * @default globalThis.BroadcastChannel when Clerk has a window, else null
   */
  BroadcastChannel?: BroadcastChannelConstructor | null
  /**
   * Channel name; give instances that talk to different Frontend APIs on one origin different names.
   * @default 'portico:client'
   */
  channelName?: string
  /**
   * Source of `focus` and `online` events; `null` disables them.
   * @default Clerk's window
   */
  window?: WakeWindow | null
  /**
   * Source of `visibilitychange` events; `null` disables them.
   * @default the window's document
   */
  document?: WakeDocument | null
  /**
   * Least time between two re-reads of the client caused by focus, visibility or `online` (ms).
   * @default 5000
   */
  throttleMs?: number
}

/** What `createTabSync` returns. */
export interface TabSync {
  /** Re-reads the client now (a burst of calls costs one request in flight and one after it); never rejects. */
  resync: () => Promise<void>
  /** Stops it all: the channel, the wake signals, the subscription. */
  stop: () => void
}

const stateKey = (message: ClientMessage): string => `${message.lastActiveSessionId} ${message.sessionIds.join()}`

/**
 * Keeps this tab in step with the others of its browser: announces this tab's sign-ins, sign-outs and
 * session switches on a BroadcastChannel, and re-reads the client (`fetchClient`) when another tab
 * announces one, when the user comes back to the page, or when `resync` is called.
 */
export function createTabSync(
  store: ClientStore,
  fetchClient: () => Promise<ClientJSON | null>,
  options: TabSyncOptions,
  win: Window | undefined,
): TabSync {
  const { channelName = 'portico:client', throttleMs = 5000 } = options
  const Channel = options.BroadcastChannel === undefined ? (win ? globalThis.BroadcastChannel ?? null : null) : options.BroadcastChannel
  const channel = Channel ? new Channel(channelName) : null
  let closed = false
  let remote = false
  let known: string | undefined
  // load() has just read the client: a focus right after it has nothing new to find
  let wokeAt = Date.now()

  // a burst of announcements costs one request in flight and one after it
  const sync = coalesce(async () => {
    const json = await fetchClient()
    if (closed)
      return
    remote = true
    try {
      // the store keeps this tab's current session (ClerkJS's multi-session behaviour)
      store.apply(json)
    }
    finally {
      remote = false
    }
  })

  const onMessage = ({ data }: { data: unknown }): void => {
    const message = readClientMessage(data)
    const mine = store.live && store.state ? toClientMessage(store.state) : undefined
    if (!message || !mine)
      return
    // an announcement of exactly the client this tab holds (a second Clerk on the page) needs no request
    if (message.updatedAt === mine.updatedAt && message.sessionIds.join() === mine.sessionIds.join())
      return
    void sync()
  }

  const onWake = (): void => {
    if (!store.live || Date.now() - wokeAt < throttleMs)
      return
    wokeAt = Date.now()
    void sync()
  }

  const unsubscribe = store.subscribe((state) => {
    const message = toClientMessage(state)
    const key = stateKey(message)
    // what another tab announced is no news to the others: posting it again would start an echo loop
    if (known !== undefined && key !== known && !remote) {
      try {
        channel?.postMessage(message)
      }
      catch {
        // a closed channel (the page is unloading): the other tabs catch up on focus
      }
    }
    known = key
  })
  channel?.addEventListener('message', onMessage)
  const stopWake = watchWakeSignals({
    window: options.window === undefined ? win : options.window,
    document: options.document === undefined ? win?.document : options.document,
  }, onWake)

  return {
    resync: sync,
    stop: () => {
      if (closed)
        return
      closed = true
      unsubscribe()
      stopWake()
      channel?.removeEventListener('message', onMessage)
      channel?.close()
    },
  }
}
