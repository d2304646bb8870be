/** What a `ClerkOfflineError` is built from. */
export interface ClerkOfflineErrorOptions {
  /** The last low-level failure (usually fetch's `TypeError`). */
  cause: unknown
  /** How many times the request was tried before giving up. */
  attempts: number
}

/** Thrown when the Frontend API could not be reached at all (no HTTP response), after any retries. */
export class ClerkOfflineError extends Error {
  override readonly name = 'ClerkOfflineError'
  /** Same code clerk-js uses for network failures. */
  readonly code = 'network_error' as const
  /** How many times the request was tried. */
  readonly attempts: number

  constructor(message: string, options: ClerkOfflineErrorOptions) {
    super(message, { cause: options.cause })
    this.attempts = options.attempts
  }
}

/** True when `error` is a `ClerkOfflineError` (the network, not the server, failed), from any copy of the SDK. */
export function isClerkOfflineError(error: unknown): error is ClerkOfflineError {
  // by name, not prototype: a second bundled copy of the SDK throws its own class
  return error instanceof Error && error.name === 'ClerkOfflineError'
}
