import type { Context } from 'hono'
import type { AppEnv } from '../appEnv'
import type { PorticoConfig } from '../config'
import type { SessionOrigin } from '../db/queries/sessions'

/**
 * The user agent and client IP of a request. The IP is the socket's peer, or the first
 * `X-Forwarded-For` hop only when `trustProxy` says a proxy we trust sets it (TH-4).
 */
export function requestOrigin(c: Context<AppEnv>, config: PorticoConfig): SessionOrigin {
  let ipAddress: string | null = null
  if (config.trustProxy)
    ipAddress = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || null
  if (!ipAddress) {
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
    ipAddress = env?.incoming?.socket?.remoteAddress ?? null
  }
  return { userAgent: c.req.header('user-agent') ?? null, ipAddress }
}
