import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../appEnv'
import type { HeaderTarget } from '../http/headerTarget'
import type { OriginPolicy } from '../utils/originPolicy'
import { requestHeader } from '../http/requestHeader'

// fapi.md 1.5: the headers clerk-js reads from cross-origin responses
const EXPOSED = 'Clerk-Db-Jwt, x-country, retry-after, authorization'

/**
 * The CORS headers of an answer (preflights aside) to a request with this Origin: `Vary: Origin`
 * always, and credentials with the exact origin (never `*`, CS-4) when the origin is allow-listed.
 */
export function applyCorsHeaders(headers: HeaderTarget, policy: OriginPolicy, origin: string | undefined): void {
  headers.append('Vary', 'Origin')
  if (origin !== undefined && policy.isAllowed(origin)) {
    headers.set('Access-Control-Allow-Origin', origin)
    headers.set('Access-Control-Allow-Credentials', 'true')
    headers.set('Access-Control-Expose-Headers', EXPOSED)
  }
}

/**
 * CORS for allow-listed origins only (`applyCorsHeaders`). Preflights are answered here; other origins
 * get no CORS headers, so browsers keep responses from them.
 */
export function cors(policy: OriginPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = requestHeader(c, 'origin')
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({ Vary: 'Origin' })
      if (origin !== undefined && policy.isAllowed(origin)) {
        headers.set('Access-Control-Allow-Origin', origin)
        headers.set('Access-Control-Allow-Credentials', 'true')
        headers.set('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE')
        headers.set('Access-Control-Allow-Headers', c.req.header('access-control-request-headers') ?? 'content-type')
        headers.set('Access-Control-Max-Age', '600')
      }
      return new Response(null, { status: 204, headers })
    }
    await next()
    applyCorsHeaders(c.res.headers, policy, origin)
    return undefined
  }
}
