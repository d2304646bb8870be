import type { ClientState } from './clientState'
import * as z from 'zod/mini'

/**
 * "My client changed, re-read yours": what a tab posts after a sign-in, a sign-out or a session
 * switch. Only ids and a timestamp, never tokens or personal data: any script on the origin can listen.
 */
export const clientMessageSchema = z.object({
  type: z.literal('client'),
  lastActiveSessionId: z.nullable(z.string()),
  sessionIds: z.array(z.string()),
  updatedAt: z.nullable(z.number()),
})

/** A message on the client channel. */
export type ClientMessage = z.infer<typeof clientMessageSchema>

/** The message describing `state`: its current session, its signed-in sessions (sorted) and the client's `updated_at`. */
export function toClientMessage({ client, session }: ClientState): ClientMessage {
  return {
    type: 'client',
    lastActiveSessionId: session?.id ?? null,
    sessionIds: client.signedInSessions.map(s => s.id).sort(),
    updatedAt: client.updatedAt?.getTime() ?? null,
  }
}
