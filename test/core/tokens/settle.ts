import { vi } from 'vitest'

/** Advances the faked clock by `ms` and then hands back `promise` (already guarded against unhandled rejection). */
export async function settle<T>(promise: Promise<T>, ms = 100): Promise<T> {
  promise.catch(() => {})
  await vi.advanceTimersByTimeAsync(ms)
  return promise
}

/** Noon on a fixed day, so faked timestamps read the same in every run. */
export const T0 = Date.UTC(2026, 0, 1, 12)
