const OVERRIDABLE = new Set(['PATCH', 'PUT', 'DELETE'])

/**
 * clerk-js only sends GET and POST and names the real method in `?_method=` (fapi.md 1.2). This runs
 * before routing (Hono routes on `request.method`), so a POST with `_method=PATCH` reaches the PATCH
 * route. Only POST is rewritten: a GET never turns into a state change (CS-1).
 */
export function withMethodOverride(request: Request): Request {
  if (request.method !== 'POST' || !request.url.includes('_method='))
    return request
  const method = new URL(request.url).searchParams.get('_method')?.toUpperCase()
  return method && OVERRIDABLE.has(method) ? new Request(request, { method }) : request
}
