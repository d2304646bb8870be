import type { ClerkErrorCode, ClerkErrorMeta, ClerkWireError } from '../contract'
import { clerkError, errorCodes } from '../contract'

/** What a thrower may change in an error beyond its code. */
export interface FapiErrorOverrides {
  message?: string
  longMessage?: string
  meta?: ClerkErrorMeta
  /** The HTTP status, when it differs from the catalogue's. */
  status?: number
  /** Extra response headers, e.g. `Retry-After`. */
  headers?: Record<string, string>
}

/**
 * An error the API answers with Clerk's envelope (`{errors:[{code, message, long_message, meta}]}`) and
 * the status the contract's catalogue gives its code. Routes and services throw it; `onError` sends it.
 * Messages come from the catalogue and never echo user input.
 */
export class FapiError extends Error {
  override readonly name = 'FapiError'
  readonly code: ClerkErrorCode
  readonly status: number
  readonly headers: Record<string, string>
  readonly wire: ClerkWireError

  constructor(code: ClerkErrorCode, { status, headers, ...overrides }: FapiErrorOverrides = {}) {
    super(code)
    this.code = code
    this.status = status ?? errorCodes[code].status
    this.headers = headers ?? {}
    this.wire = clerkError(code, overrides)
  }
}

/** `form_param_missing` for a required body parameter. */
export function missingParam(name: string): FapiError {
  return new FapiError('form_param_missing', { meta: { param_name: name } })
}

/** `form_param_format_invalid` for a malformed body parameter. */
export function invalidParam(name: string): FapiError {
  return new FapiError('form_param_format_invalid', { meta: { param_name: name } })
}

/** `resource_not_found`: an unknown id, or one that belongs to someone else (AZ-3: no existence leak). */
export function notFound(): FapiError {
  return new FapiError('resource_not_found')
}
