/** The part of `window` the cache listens on: `focus` and `online`. */
export interface WakeWindow {
  addEventListener: (type: 'focus' | 'online', listener: () => void) => void
  removeEventListener: (type: 'focus' | 'online', listener: () => void) => void
}

/** The part of `document` the cache listens on: `visibilitychange` and the state it changed to. */
export interface WakeDocument {
  readonly visibilityState: string
  addEventListener: (type: 'visibilitychange', listener: () => void) => void
  removeEventListener: (type: 'visibilitychange', listener: () => void) => void
}

/**
 * Calls `onWake` when the user comes back to the page (window focus, the tab becoming visible) or
 * the network returns; the moments when a token that went stale in the background matters.
 * Returns the function that removes the listeners.
 */
export function watchWakeSignals(
  target: { window?: WakeWindow | null, document?: WakeDocument | null },
  onWake: () => void,
): () => void {
  const { window: win, document: doc } = target
  const onVisibility = (): void => {
    if (doc?.visibilityState === 'visible')
      onWake()
  }
  win?.addEventListener('focus', onWake)
  win?.addEventListener('online', onWake)
  doc?.addEventListener('visibilitychange', onVisibility)
  return () => {
    win?.removeEventListener('focus', onWake)
    win?.removeEventListener('online', onWake)
    doc?.removeEventListener('visibilitychange', onVisibility)
  }
}
