import { ClerkOfflineError } from '../errors/clerkOfflineError'

/** How GET requests are retried when the network (not the server) fails. */
export interface NetworkRetryOptions {
  /**
   * Total tries, the first one included.
   * @default 4
   */
  maxTries?: number
  /**
   * Wait before the second try, in ms.
   * @default 700
   */
  initialDelayMs?: number
  /**
   * Upper bound of any single wait, in ms.
   * @default 5000
   */
  maxDelayMs?: number
  /**
   * Growth of the wait between tries.
   * @default 2
   */
  factor?: number
}

/** clerk-js's numbers (fapi.md 1.4): 4 tries, 700 ms doubling, capped at 5 s. */
export const DEFAULT_NETWORK_RETRY: Required<NetworkRetryOptions> = {
  maxTries: 4,
  initialDelayMs: 700,
  maxDelayMs: 5000,
  factor: 2,
}

/** The wait (ms) after the `failedTries`-th failed try. */
export function networkRetryDelay(failedTries: number, options: NetworkRetryOptions = {}): number {
  const { initialDelayMs, maxDelayMs, factor } = { ...DEFAULT_NETWORK_RETRY, ...options }
  return Math.min(maxDelayMs, initialDelayMs * factor ** (failedTries - 1))
}

/** Extra controls for one `retryOnNetworkError` run. */
export interface RetryOnNetworkErrorOptions extends NetworkRetryOptions {
  /** Decides whether a thrown error is a network failure (retried) or something to rethrow as is. */
  isNetworkError: (error: unknown) => boolean
  /** Stops waiting between tries when aborted. */
  signal?: AbortSignal
}

/**
 * Runs `attempt(n)` (n = 0, 1, ...) until it settles without a network failure. Network failures
 * are retried with capped exponential backoff; after the last try they become a
 * `ClerkOfflineError`. Any other error is rethrown at once: HTTP errors are never retried here.
 */
export async function retryOnNetworkError<T>(
  attempt: (retryAttempt: number) => Promise<T>,
  options: RetryOnNetworkErrorOptions,
): Promise<T> {
  const maxTries = Math.max(1, options.maxTries ?? DEFAULT_NETWORK_RETRY.maxTries)
  let lastError: unknown
  for (let tries = 0; tries < maxTries; tries++) {
    if (tries > 0)
      await wait(networkRetryDelay(tries, options), options.signal)
    try {
      return await attempt(tries)
    }
    catch (error) {
      if (!options.isNetworkError(error))
        throw error
      lastError = error
    }
  }
  throw new ClerkOfflineError(
    `The Frontend API could not be reached after ${maxTries} ${maxTries === 1 ? 'try' : 'tries'}.`,
    { cause: lastError, attempts: maxTries },
  )
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted)
      return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    function onAbort() {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
