// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { resolveFapiBaseUrl } from '../../../src/core/fapi/resolveFapiBaseUrl'

describe('resolveFapiBaseUrl in a browser', () => {
  it('resolves a relative proxy against window.location.origin', () => {
    expect(resolveFapiBaseUrl({ proxyUrl: '/__clerk' })).toBe(`${window.location.origin}/__clerk/v1`)
  })
})
