import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../appEnv'
import type { HeaderReader } from '../http/requestHeader'
import type { OriginPolicy } from '../utils/originPolicy'
import { requestHeader } from '../http/requestHeader'

/**
 * The JWT `azp` for a request: the Origin header, else the Referer's origin (same-origin GETs send no
 * Origin, fapi.md 10), each only when allow-listed, else the server's public origin.
 */
export function azpOf(policy: OriginPolicy, header: HeaderReader): string {
  const origin = header('origin')
  const referer = header('referer')
  const fromReferer = referer ? policy.originOf(referer) : null
  return origin && policy.isAllowed(origin)
    ? origin
    : fromReferer && policy.isAllowed(fromReferer) ? fromReferer : policy.publicOrigin
}

/** Sets `c.var.azp` (`azpOf`). */
export function azp(policy: OriginPolicy): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    c.set('azp', azpOf(policy, name => requestHeader(c, name)))
    return next()
  }
}
