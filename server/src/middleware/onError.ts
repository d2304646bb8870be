import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../appEnv'
import type { ClerkErrorCode } from '../contract'
import type { Logger } from '../utils/logger'
import { HTTPException } from 'hono/http-exception'
import { isUniqueViolation } from '../db/isUniqueViolation'
import { FapiError } from '../errors/fapiError'
import { randomAlphanumeric } from '../utils/newId'

/** The body of an error answer: Clerk's envelope with a fresh trace id. */
export function errorEnvelope(error: FapiError): { errors: FapiError['wire'][], meta: Record<string, never>, clerk_trace_id: string } {
  return { errors: [error.wire], meta: {}, clerk_trace_id: randomAlphanumeric(24) }
}

/** The headers of an error answer: the error's own (e.g. `Retry-After`) and `Cache-Control: no-store`. */
export function errorHeaders(error: FapiError): Record<string, string> {
  return { ...error.headers, 'Cache-Control': 'no-store' }
}

function send(c: Context<AppEnv>, error: FapiError): Response {
  for (const [name, value] of Object.entries(errorHeaders(error)))
    c.header(name, value)
  return c.json(errorEnvelope(error), error.status as ContentfulStatusCode)
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
  return (error, c) => send(c, answerableError(error, logger, () => `${c.req.method} ${c.req.path}`))
}

/**
 * What an error thrown while serving a request is answered with (`onError`'s rules): FAPI errors as
 * they are, Hono's HTTP errors as the nearest Clerk code, an unavailable database as a retryable
 * `503 service_unavailable`, a NUL that PostgreSQL refuses as `422 form_param_format_invalid`, a
 * uniqueness race as `form_identifier_exists`, anything else logged (name,
 * message and stack only: never the request; `request` names it as `METHOD /path`) and `500
 * internal_clerk_error`.
 */
export function answerableError(error: Error, logger: Logger, request: () => string): FapiError {
  if (error instanceof FapiError)
    return error
  if (error instanceof HTTPException) {
    const code = BY_STATUS[error.status]
    if (code)
      return new FapiError(code, { status: error.status })
  }
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && UNAVAILABLE.has(code))
    return new FapiError('service_unavailable', { headers: { 'Retry-After': '1' } })
  // PostgreSQL refuses a NUL character in text (22021) or in JSON (22P05), which SQLite stores: the input
  // was malformed (a NUL in a parameter, a path or a cookie), never a server fault (security.md #45)
  if (code === '22021' || code === '22P05')
    return new FapiError('form_param_format_invalid')
  // RL-2: a uniqueness race that a route did not name itself is still the client's problem, not a 500
  if (isUniqueViolation(error))
    return new FapiError('form_identifier_exists')
  logger.error(`[portico-server] ${request()} failed: ${error.stack ?? `${error.name}: ${error.message}`}`)
  return new FapiError('internal_clerk_error')
}

/** Unknown routes: `404 resource_not_found` in Clerk's envelope. */
export function notFound(): NotFoundHandler<AppEnv> {
  return c => send(c, new FapiError('resource_not_found'))
}
