import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../appEnv'
import type { HeaderReader } from '../http/requestHeader'
import type { OriginPolicy } from '../utils/originPolicy'
import { FapiError } from '../errors/fapiError'
import { cookieValue, requestHeader } from '../http/requestHeader'
import { CLIENT_COOKIE } from './clientIdentity'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF defence for a form-based API (CS-2): every mutating request from a browser must come from an
 * allow-listed origin. A request with no Origin is judged by its Referer and Fetch Metadata; one that
 * carries the client cookie and none of the three is refused too. Requests without a cookie and without
 * those headers (servers, CLIs, tests using the dev-browser token) pass.
 */
export function isOriginAccepted(policy: OriginPolicy, method: string, header: HeaderReader): boolean {
  if (SAFE_METHODS.has(method))
    return true
  const origin = header('origin')
  if (origin !== undefined)
    return policy.isAllowed(origin)
  const site = header('sec-fetch-site')
  if (site === 'cross-site')
    return false
  const referer = header('referer')
  if (referer !== undefined)
    return policy.isAllowed(policy.originOf(referer) ?? 'null')
  return site !== undefined || cookieValue(header('cookie'), CLIENT_COOKIE) === undefined
}

/** Refuses a request `isOriginAccepted` rejects with `origin_invalid`, before anything happens. */
export function originCheck(policy: OriginPolicy): MiddlewareHandler<AppEnv> {
  // synchronous: the throw reaches Hono's error handler as a rejection would
  return (c, next) => {
    if (!isOriginAccepted(policy, c.req.method, name => requestHeader(c, name)))
      throw new FapiError('origin_invalid')
    return next()
  }
}
