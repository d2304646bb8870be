/**
 * Hono's `getPath` with one canonical form per route: duplicate slashes collapse and a trailing slash
 * is dropped, so `/v1/me/email_addresses/` (clerk-js's pathRoot has a trailing slash) and
 * `/v1/me/email_addresses` are one route (TH-3).
 */
export function normalizedPath(request: Request): string {
  const url = request.url
  const start = url.indexOf('/', url.indexOf('://') + 3)
  const queryAt = url.indexOf('?', start)
  let path = queryAt === -1 ? url.slice(start) : url.slice(start, queryAt)
  const hashAt = path.indexOf('#')
  if (hashAt !== -1)
    path = path.slice(0, hashAt)
  if (path.includes('//'))
    path = path.replace(/\/{2,}/g, '/')
  if (path.length > 1 && path.endsWith('/'))
    path = path.slice(0, -1)
  return path || '/'
}
