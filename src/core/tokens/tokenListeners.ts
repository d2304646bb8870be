/** A set of listeners that cannot break each other or their caller. */
export interface TokenListeners<T> {
  /** Adds `listener`; the returned function removes it (each call is its own subscription). */
  add: (listener: (payload: T) => void) => () => void
  /** Calls every listener; one that throws is reported out of band and the rest still run. */
  emit: (payload: T) => void
  clear: () => void
}

/** Creates a `TokenListeners`. */
export function createTokenListeners<T>(): TokenListeners<T> {
  const listeners = new Set<(payload: T) => void>()
  return {
    add(listener) {
      const entry = (payload: T): void => listener(payload)
      listeners.add(entry)
      return () => {
        listeners.delete(entry)
      }
    },
    emit(payload) {
      for (const listener of [...listeners]) {
        try {
          listener(payload)
        }
        catch (error) {
          // surfaces as an uncaught error (console, error trackers) without unwinding the cache
          queueMicrotask(() => {
            throw error
          })
        }
      }
    },
    clear: () => listeners.clear(),
  }
}
