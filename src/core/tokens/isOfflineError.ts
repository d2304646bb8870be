/**
 * True for the transport's "could not reach the Frontend API" error. Matched by name rather than
 * `instanceof` so that the cache does not depend on the transport module (and survives a copy of
 * the class from a second bundle).
 */
export function isOfflineError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ClerkOfflineError'
}

/**
 * True when retrying later may succeed: a network failure (per `isOffline`), a 429 or a 5xx.
 * Other HTTP errors (401, 404, 422...) say something about the session and are left to the caller.
 */
export function isTransientError(error: unknown, isOffline: (error: unknown) => boolean = isOfflineError): boolean {
  if (isOffline(error))
    return true
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined
  return typeof status === 'number' && (status === 429 || status >= 500)
}
