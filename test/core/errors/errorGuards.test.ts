import { describe, expect, it } from 'vitest'
import { ClerkAPIResponseError, ClerkOfflineError, isClerkAPIResponseError, isClerkOfflineError } from '../../../src/core/errors'

describe('error guards', () => {
  const apiError = new ClerkAPIResponseError('Nope.', { status: 422, errors: [] })
  const offline = new ClerkOfflineError('Down.', { cause: new TypeError('fetch failed'), attempts: 4 })

  it.each([
    ['isClerkAPIResponseError', isClerkAPIResponseError, [true, false, false]],
    ['isClerkOfflineError', isClerkOfflineError, [false, true, false]],
  ] as const)('%s tells the errors apart', (_, guard, expected) => {
    expect([apiError, offline, new Error('other')].map(error => guard(error))).toEqual(expected)
  })

  it('recognises an error of another SDK copy by its name', () => {
    const foreign = Object.assign(new Error('Nope.'), { name: 'ClerkAPIResponseError' })
    expect(isClerkAPIResponseError(foreign)).toBe(true)
  })

  it('keeps the network failure as the cause of ClerkOfflineError', () => {
    expect([offline.cause, offline.code, offline.attempts]).toEqual([new TypeError('fetch failed'), 'network_error', 4])
  })
})
