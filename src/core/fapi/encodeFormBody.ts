import type { FapiParams } from './appendSearchParams'
import { appendSearchParams } from './appendSearchParams'
import { camelToSnake } from './keyCase'

/**
 * Serialises a request body as `application/x-www-form-urlencoded`, FAPI's only body format; the
 * result's `toString()` is the wire body. Only top-level keys are converted to snake_case; nested
 * objects go as JSON strings, so their keys stay as the caller wrote them. An empty or missing body
 * becomes an empty string.
 */
export function encodeFormBody(body: FapiParams | object | undefined): URLSearchParams {
  return appendSearchParams(new URLSearchParams(), body, camelToSnake)
}
