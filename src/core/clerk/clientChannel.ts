import type { ClientState } from './clientState'

/**
 * "My client changed, re-read yours": what a tab posts after a sign-in, a sign-out or a session
 * switch. Only ids and a timestamp, never tokens or personal data: any script on the origin can listen.
 */
export interface ClientMessage {
  type: 'client'
  lastActiveSessionId: string | null
  sessionIds: string[]
  updatedAt: number | null
}

/** The message in `data` when it is a well-formed client-channel message (unknown keys left out), else undefined. */
export function readClientMessage(data: unknown): ClientMessage | undefined {
  if (typeof data !== 'object' || data === null)
    return undefined
  const { type, lastActiveSessionId, sessionIds, updatedAt } = data as Record<string, unknown>
  if (type !== 'client' || !(lastActiveSessionId === null || typeof lastActiveSessionId === 'string'))
    return undefined
  if (!Array.isArray(sessionIds) || !sessionIds.every(id => typeof id === 'string'))
    return undefined
  if (!(updatedAt === null || (typeof updatedAt === 'number' && Number.isFinite(updatedAt))))
    return undefined
  return { type, lastActiveSessionId, sessionIds, updatedAt }
}

/** The message describing `state`: its current session, its signed-in sessions (sorted) and the client's `updated_at`. */
export function toClientMessage({ client, session }: ClientState): ClientMessage {
  return {
    type: 'client',
    lastActiveSessionId: session?.id ?? null,
    sessionIds: client.signedInSessions.map(s => s.id).sort(),
    updatedAt: client.updatedAt?.getTime() ?? null,
  }
}
