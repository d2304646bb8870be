import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../appEnv'
import type { OriginPolicy } from '../utils/originPolicy'
import { FapiError } from '../errors/fapiError'
import { requestCookie, requestHeader } from '../http/requestHeader'
import { CLIENT_COOKIE } from './clientIdentity'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF defence for a form-based API (CS-2): every mutating request from a browser must come from an
 * allow-listed origin, or it is refused with `origin_invalid` before anything happens. A request with
 * no Origin is judged by its Referer and Fetch Metadata; one that carries the client cookie and none of
 * the three is refused too. Requests without a cookie and without those headers (servers, CLIs, tests
 * using the dev-browser token) pass.
 */
export function originCheck(policy: OriginPolicy): MiddlewareHandler<AppEnv> {
  // synchronous: the throw reaches Hono's error handler as a rejection would
  return (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = requestHeader(c, 'origin')
      const site = requestHeader(c, 'sec-fetch-site')
      const referer = requestHeader(c, 'referer')
      let allowed: boolean
      if (origin !== undefined)
        allowed = policy.isAllowed(origin)
      else if (site === 'cross-site')
        allowed = false
      else if (referer !== undefined)
        allowed = policy.isAllowed(policy.originOf(referer) ?? 'null')
      else
        allowed = site !== undefined || requestCookie(c, CLIENT_COOKIE) === undefined
      if (!allowed)
        throw new FapiError('origin_invalid')
    }
    return next()
  }
}
