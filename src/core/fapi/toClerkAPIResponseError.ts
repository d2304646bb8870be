import type { ClerkAPIErrorJSON } from '../../contract'
import type { ClerkAPIError, ClerkAPIErrorMeta } from '../errors/clerkAPIResponseError'
import { ClerkAPIResponseError } from '../errors/clerkAPIResponseError'
import { snakeToCamel } from './keyCase'
import { parseRetryAfter } from './parseRetryAfter'
import { readContract } from './readContract'

/** The parts of an HTTP error answer an error is built from. */
export interface FapiErrorResponse {
  status: number
  statusText: string
  headers: Headers
  /** The parsed body; anything that is not an object with `errors` counts as "no FAPI errors". */
  payload: unknown
}

/**
 * Builds the `ClerkAPIResponseError` of a 4xx/5xx answer. A body with an `errors` key must follow
 * the contract (a malformed one throws `ClerkContractError`); bodies without one, such as a
 * proxy's HTML 502 page, give an error with an empty `errors[]`.
 */
export function toClerkAPIResponseError(response: FapiErrorResponse): ClerkAPIResponseError {
  const { status, statusText, headers, payload } = response
  const envelope = hasErrors(payload) ? readContract('clerkErrorEnvelope', payload, 'error response') : undefined
  const errors = (envelope?.errors ?? []).map(toClerkAPIError)
  const first = errors[0]
  const message = first?.longMessage || first?.message || statusText || `Request failed with status ${status}`
  return new ClerkAPIResponseError(message, {
    status,
    errors,
    retryAfter: parseRetryAfter(headers.get('retry-after')),
    clerkTraceId: envelope?.clerk_trace_id ?? undefined,
  })
}

function toClerkAPIError(error: ClerkAPIErrorJSON): ClerkAPIError {
  const result: ClerkAPIError = { code: error.code, message: error.message }
  if (error.long_message !== undefined)
    result.longMessage = error.long_message
  if (error.meta)
    result.meta = camelizeKeys(error.meta)
  return result
}

function camelizeKeys(meta: object): ClerkAPIErrorMeta {
  return Object.fromEntries(Object.entries(meta).map(([key, value]) => [snakeToCamel(key), value]))
}

function hasErrors(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && 'errors' in payload
}
