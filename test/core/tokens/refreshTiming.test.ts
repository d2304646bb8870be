import { describe, expect, it } from 'vitest'
import { refreshOffsetMs, retryDelayMs } from '../../../src/core/tokens'

const timing = { marginMs: 5000, jitterMs: 3000 }

describe('refreshOffsetMs', () => {
  it.each([
    { lifetime: '60 s', lifetimeMs: 60_000, offsetMs: 42_000 },
    { lifetime: '1 h', lifetimeMs: 3_600_000, offsetMs: 2_520_000 },
    { lifetime: '20 s', lifetimeMs: 20_000, offsetMs: 14_000 },
    { lifetime: '10 s', lifetimeMs: 10_000, offsetMs: 5000 },
    { lifetime: '2 s', lifetimeMs: 2000, offsetMs: 1000 },
  ])('refreshes a $lifetime token $offsetMs ms after issue', ({ lifetimeMs, offsetMs }) => {
    expect(refreshOffsetMs(lifetimeMs, timing)).toBe(offsetMs)
  })

  it('keeps margin plus jitter before expiry whenever the lifetime allows it', () => {
    for (const lifetimeMs of [16_000, 30_000, 60_000, 600_000]) {
      const jitter = Math.min(3000, lifetimeMs * 0.05)
      expect(lifetimeMs - refreshOffsetMs(lifetimeMs, timing)).toBeGreaterThanOrEqual(timing.marginMs + jitter)
    }
  })
})

describe('retryDelayMs', () => {
  it('doubles from 2 s, caps at 30 s and stops after 8 retries', () => {
    const delays = Array.from({ length: 10 }, (_, attempt) => retryDelayMs(attempt))
    expect(delays).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000, null, null])
  })

  it('honours custom bounds', () => {
    expect([0, 1, 2, 3].map(attempt => retryDelayMs(attempt, { initialMs: 500, maxMs: 1500, maxAttempts: 3 })))
      .toEqual([500, 1000, 1500, null])
  })
})
