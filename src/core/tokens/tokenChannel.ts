/** The cache slot a message is about. */
interface TokenMessageKey {
  sessionId: string
  template: string | null
  organizationId: string | null
}

/**
 * What tabs tell each other. `token`: "here is a fresher token, `ageMs` old when sent".
 * `claim`: "I am refreshing this key now, hold off for a moment" (a hint, not a lock: nobody
 * waits for a reply, so a tab that dies mid-refresh cannot block the others).
 */
export type TokenMessage
  = | (TokenMessageKey & { type: 'token', jwt: string, ageMs: number })
    | (TokenMessageKey & { type: 'claim' })

const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0

/**
 * The message in `data` when it is a well-formed token-channel message (unknown keys left out),
 * else undefined: another tab, or another script on this origin, may speak an older or foreign format.
 */
export function readTokenMessage(data: unknown): TokenMessage | undefined {
  if (typeof data !== 'object' || data === null)
    return undefined
  const { type, sessionId, template, organizationId, jwt, ageMs } = data as Record<string, unknown>
  if (!isName(sessionId) || !(template === null || isName(template)) || !(organizationId === null || isName(organizationId)))
    return undefined
  const key = { sessionId, template, organizationId }
  if (type === 'claim')
    return { type, ...key }
  if (type === 'token' && isName(jwt) && typeof ageMs === 'number' && Number.isFinite(ageMs) && ageMs >= 0)
    return { type, ...key, jwt, ageMs }
  return undefined
}

/** The part of `BroadcastChannel` the cache uses. */
export interface BroadcastChannelLike {
  postMessage: (message: unknown) => void
  addEventListener: (type: 'message', listener: (event: { data: unknown }) => void) => void
  removeEventListener: (type: 'message', listener: (event: { data: unknown }) => void) => void
  close: () => void
}

/** A constructor shaped like the global `BroadcastChannel`. */
export type BroadcastChannelConstructor = new (name: string) => BroadcastChannelLike

/** An open token channel: post to the other tabs, or close it. */
export interface TokenChannel {
  post: (message: TokenMessage) => void
  close: () => void
}

/** Opens `name` on `Channel` and hands every well-formed message from other tabs to `onMessage`. */
export function openTokenChannel(
  Channel: BroadcastChannelConstructor,
  name: string,
  onMessage: (message: TokenMessage) => void,
): TokenChannel {
  const channel = new Channel(name)
  const listener = (event: { data: unknown }): void => {
    const message = readTokenMessage(event.data)
    if (message)
      onMessage(message)
  }
  channel.addEventListener('message', listener)
  return {
    post(message) {
      try {
        channel.postMessage(message)
      }
      catch {
        // a closed channel (page unloading) only costs the other tabs one refresh of their own
      }
    },
    close() {
      channel.removeEventListener('message', listener)
      channel.close()
    },
  }
}
