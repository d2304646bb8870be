import { isClerkAPIResponseError } from 'portico'

/** The message to show for a failed Frontend API call: the server's own words for the first error. */
export function errorMessage(error: unknown): string {
  if (isClerkAPIResponseError(error)) {
    const first = error.errors[0]
    return first?.longMessage ?? first?.message ?? error.message
  }
  return error instanceof Error ? error.message : String(error)
}
