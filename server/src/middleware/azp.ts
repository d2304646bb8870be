import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../appEnv'
import type { OriginPolicy } from '../utils/originPolicy'
import { requestHeader } from '../http/requestHeader'

/**
 * Picks the JWT `azp` for this request: the Origin header, else the Referer's origin (same-origin GETs
 * send no Origin, fapi.md 10), each only when allow-listed, else the server's public origin.
 */
export function azp(policy: OriginPolicy): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const origin = requestHeader(c, 'origin')
    const referer = requestHeader(c, 'referer')
    const fromReferer = referer ? policy.originOf(referer) : null
    c.set('azp', origin && policy.isAllowed(origin)
      ? origin
      : fromReferer && policy.isAllowed(fromReferer) ? fromReferer : policy.publicOrigin)
    return next()
  }
}
