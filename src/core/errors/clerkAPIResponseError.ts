/** Fields a FAPI error's `meta` may carry, camelCased from the wire; unknown keys pass through camelCased too. */
export interface ClerkAPIErrorMeta {
  /** The form field the error is about (`param_name` on the wire), e.g. `identifier` or `code`. */
  paramName?: string
  /** The session an error refers to, e.g. the existing one for `identifier_already_signed_in`. */
  sessionId?: string
  emailAddresses?: string[]
  identifiers?: string[]
  zxcvbn?: { suggestions?: { code: string, message: string }[] }
  plan?: unknown
  isPlanUpgradePossible?: boolean
  seatsQuantityToAdd?: number
  seatsQuantity?: number
  [key: string]: unknown
}

/** One entry of a FAPI `errors[]` array, with the wire's snake_case keys camelCased. */
export interface ClerkAPIError {
  /** Stable FAPI error code in lower snake case, e.g. `form_identifier_not_found`. */
  code: string
  /** Short human-readable message. */
  message: string
  /** Longer message meant for end users; the error's own `message` comes from the first one. */
  longMessage?: string
  meta?: ClerkAPIErrorMeta
}

/** What a `ClerkAPIResponseError` is built from. */
export interface ClerkAPIResponseErrorOptions {
  status: number
  errors: ClerkAPIError[]
  /** Seconds to wait before retrying, from the `Retry-After` header (429s). */
  retryAfter?: number
  /** `clerk_trace_id` from the error body, for support requests. */
  clerkTraceId?: string
}

/** Thrown when the Frontend API answers with a 4xx/5xx status; carries the parsed `errors[]`. */
export class ClerkAPIResponseError extends Error {
  override readonly name = 'ClerkAPIResponseError'
  /** Marks every Clerk-shaped error, as clerk-js does. */
  readonly clerkError = true as const
  /** HTTP status of the response. */
  readonly status: number
  /** The response's `errors[]`, camelCased; may be empty when the body was not a FAPI error. */
  readonly errors: ClerkAPIError[]
  /** Seconds to wait before retrying, from the `Retry-After` header. */
  readonly retryAfter: number | undefined
  /** `clerk_trace_id` from the error body. */
  readonly clerkTraceId: string | undefined

  constructor(message: string, options: ClerkAPIResponseErrorOptions) {
    super(message)
    this.status = options.status
    this.errors = options.errors
    this.retryAfter = options.retryAfter
    this.clerkTraceId = options.clerkTraceId
  }
}

/** True when `error` is a `ClerkAPIResponseError` (an HTTP error answer from the Frontend API), from any copy of the SDK. */
export function isClerkAPIResponseError(error: unknown): error is ClerkAPIResponseError {
  // by name, not prototype: a second bundled copy of the SDK throws its own class
  return error instanceof Error && error.name === 'ClerkAPIResponseError'
}
