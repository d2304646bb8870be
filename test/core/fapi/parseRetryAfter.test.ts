import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from '../../../src/core/fapi/parseRetryAfter'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')

  it.each([
    ['30', 30],
    [' 5 ', 5],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
  ])('reads %j as %j seconds', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected)
  })
})
