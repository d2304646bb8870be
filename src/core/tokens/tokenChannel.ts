import * as z from 'zod/mini'

const keySchema = {
  sessionId: z.string().check(z.minLength(1)),
  template: z.nullable(z.string().check(z.minLength(1))),
  organizationId: z.nullable(z.string().check(z.minLength(1))),
}

/**
 * What tabs tell each other. `token`: "here is a fresher token, `ageMs` old when sent".
 * `claim`: "I am refreshing this key now, hold off for a moment" (a hint, not a lock: nobody
 * waits for a reply, so a tab that dies mid-refresh cannot block the others).
 */
// a plain union: with two options, discriminatedUnion's lookup table costs more bytes than it saves time
export const tokenMessageSchema = z.union([
  z.object({ type: z.literal('token'), ...keySchema, jwt: z.string().check(z.minLength(1)), ageMs: z.number().check(z.nonnegative()) }),
  z.object({ type: z.literal('claim'), ...keySchema }),
])

/** A message exchanged between tabs over the token channel. */
export type TokenMessage = z.infer<typeof tokenMessageSchema>

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
    // another tab (or another script on this origin) may speak an older or foreign format
    const parsed = tokenMessageSchema.safeParse(event.data)
    if (parsed.success)
      onMessage(parsed.data)
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
