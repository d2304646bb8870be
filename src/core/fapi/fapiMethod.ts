/** The logical HTTP methods FAPI understands. */
export type FapiMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/**
 * The method actually put on the wire: only GET and POST, so every request stays CORS-simple
 * (no preflight) and avoids Safari dropping cookies on other methods; the rest go as `_method`.
 */
export function toWireMethod(method: FapiMethod): 'GET' | 'POST' {
  return method === 'GET' ? 'GET' : 'POST'
}
