import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClerkOfflineError } from '../../../src/core/errors/clerkOfflineError'
import { networkRetryDelay, retryOnNetworkError } from '../../../src/core/fapi/retryOnNetworkError'

class NetworkDown extends Error {}
const isNetworkError = (error: unknown) => error instanceof NetworkDown

describe('networkRetryDelay', () => {
  it.each([[1, 700], [2, 1400], [3, 2800], [4, 5000], [10, 5000]])('waits after try %i for %i ms', (failedTries, delay) => {
    expect(networkRetryDelay(failedTries)).toBe(delay)
  })

  it('follows custom settings', () => {
    expect(networkRetryDelay(3, { initialDelayMs: 100, factor: 3, maxDelayMs: 800 })).toBe(800)
  })
})

describe('retryOnNetworkError', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('returns the first result that settles without a network failure', async () => {
    const tries: number[] = []
    const result = retryOnNetworkError(async (attempt) => {
      tries.push(attempt)
      if (attempt < 2)
        throw new NetworkDown()
      return 'ok'
    }, { isNetworkError })
    await vi.advanceTimersByTimeAsync(700 + 1400)
    await expect(result).resolves.toBe('ok')
    expect(tries).toEqual([0, 1, 2])
  })

  it('does not try again before the backoff delay', async () => {
    let tries = 0
    void retryOnNetworkError(async () => {
      tries++
      throw new NetworkDown()
    }, { isNetworkError }).catch(() => {})
    await vi.advanceTimersByTimeAsync(699)
    expect(tries).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(tries).toBe(2)
  })

  it('gives up with a ClerkOfflineError after maxTries', async () => {
    const failure = new NetworkDown('down')
    const result = retryOnNetworkError(async () => {
      throw failure
    }, { isNetworkError, maxTries: 3 })
    const settled = expect(result).rejects.toSatisfy(error => error instanceof ClerkOfflineError && error.attempts === 3 && error.cause === failure)
    await vi.advanceTimersByTimeAsync(700 + 1400)
    await settled
  })

  it('rethrows other errors at once', async () => {
    let tries = 0
    await expect(retryOnNetworkError(async () => {
      tries++
      throw new Error('HTTP 500')
    }, { isNetworkError })).rejects.toThrow('HTTP 500')
    expect(tries).toBe(1)
  })

  it('stops waiting when aborted', async () => {
    const controller = new AbortController()
    const result = retryOnNetworkError(async () => {
      throw new NetworkDown()
    }, { isNetworkError, signal: controller.signal })
    const settled = expect(result).rejects.toThrow('stop')
    controller.abort(new Error('stop'))
    await settled
  })
})
