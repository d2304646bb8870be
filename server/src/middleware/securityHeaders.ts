import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../appEnv'
import type { HeaderTarget } from '../http/headerTarget'

/** Headers every API answer carries (IN-5): no sniffing, no caching of auth data, no referrer leaks. */
export function applySecurityHeaders(headers: HeaderTarget): void {
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin')
  if (!headers.has('Cache-Control'))
    headers.set('Cache-Control', 'no-store')
}

/** `applySecurityHeaders` on every answer of the app. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    applySecurityHeaders(c.res.headers)
  }
}
