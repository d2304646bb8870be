import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../appEnv'
import type { ClerkErrorCode } from '../contract'
import type { Logger } from '../utils/logger'
import { HTTPException } from 'hono/http-exception'
import { isUniqueViolation } from '../db/isUniqueViolation'
import { FapiError } from '../errors/fapiError'
import { randomAlphanumeric } from '../utils/newId'

function send(c: Context<AppEnv>, error: FapiError): Response {
  for (const [name, value] of Object.entries(error.headers))
    c.header(name, value)
  c.header('Cache-Control', 'no-store')
  return c.json({ errors: [error.wire], meta: {}, clerk_trace_id: randomAlphanumeric(24) }, error.status as ContentfulStatusCode)
}

const BY_STATUS: Partial<Record<number, ClerkErrorCode>> = {
  400: 'request_body_invalid',
  401: 'authentication_invalid',
  403: 'resource_forbidden',
  404: 'resource_not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_content_type',
  429: 'too_many_requests',
}

// the database is unreachable, shutting down or busy: retryable, never "signed in" or "signed out" (RL-4)
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300', 'SQLITE_BUSY', 'SQLITE_IOERR'])

/**
 * One error handler for the whole app: FAPI errors go out in Clerk's envelope with their status;
 * Hono's HTTP errors map to the nearest Clerk code; anything else is logged (name, message and stack
 * only: never the request) and answered `500 internal_clerk_error`.
 */
export function onError(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof FapiError)
      return send(c, error)
    if (error instanceof HTTPException) {
      const code = BY_STATUS[error.status]
      if (code)
        return send(c, new FapiError(code, { status: error.status }))
    }
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && UNAVAILABLE.has(code))
      return send(c, new FapiError('service_unavailable', { headers: { 'Retry-After': '1' } }))
    // RL-2: a uniqueness race that a route did not name itself is still the client's problem, not a 500
    if (isUniqueViolation(error))
      return send(c, new FapiError('form_identifier_exists'))
    logger.error(`[portico-server] ${c.req.method} ${c.req.path} failed: ${error.stack ?? `${error.name}: ${error.message}`}`)
    return send(c, new FapiError('internal_clerk_error'))
  }
}

/** Unknown routes: `404 resource_not_found` in Clerk's envelope. */
export function notFound(): NotFoundHandler<AppEnv> {
  return c => send(c, new FapiError('resource_not_found'))
}
