/** A listener registry: `on` returns its own unsubscribe, `emit` calls every listener with one payload. */
export interface Emitter<T> {
  /** Registers `listener`; the returned function removes it again (idempotent). */
  on: (listener: (payload: T) => void) => () => void
  /** Calls every registered listener, in registration order, with `payload`. */
  emit: (payload: T) => void
  /** Removes every listener. */
  clear: () => void
  /** How many listeners are registered. */
  readonly size: number
}

/** Creates an emitter whose listeners cannot break each other: a throwing listener is reported, not rethrown. */
export function createEmitter<T>(onListenerError: (error: unknown) => void = reportListenerError): Emitter<T> {
  const listeners = new Set<(payload: T) => void>()
  return {
    on(listener) {
      // wrap so that registering the same function twice yields two independent subscriptions
      const entry = (payload: T): void => listener(payload)
      listeners.add(entry)
      return () => {
        listeners.delete(entry)
      }
    },
    emit(payload) {
      // copy first: a listener may unsubscribe itself (or others) while we iterate
      for (const listener of [...listeners]) {
        try {
          listener(payload)
        }
        catch (error) {
          onListenerError(error)
        }
      }
    },
    clear() {
      listeners.clear()
    },
    get size() {
      return listeners.size
    },
  }
}

function reportListenerError(error: unknown): void {
  // NOTE: a broken subscriber must not stop the others (or the state change) from happening
  queueMicrotask(() => {
    throw error
  })
}
