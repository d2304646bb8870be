import { describe, expect, it } from 'vitest'
import { resolveFapiBaseUrl } from '../../../src/core/fapi/resolveFapiBaseUrl'

describe('resolveFapiBaseUrl', () => {
  it.each([
    ['http://localhost:4000', 'http://localhost:4000/v1'],
    ['http://localhost:4000/', 'http://localhost:4000/v1'],
    ['https://app.example.com/__clerk', 'https://app.example.com/__clerk/v1'],
    ['https://app.example.com/__clerk/', 'https://app.example.com/__clerk/v1'],
  ])('keeps the scheme and path of the absolute proxy %s', (proxyUrl, expected) => {
    expect(resolveFapiBaseUrl({ proxyUrl, frontendApi: 'clerk.example.com' })).toBe(expected)
  })

  it('resolves a relative proxy against the base origin', () => {
    expect(resolveFapiBaseUrl({ proxyUrl: '/__clerk/', baseOrigin: 'http://127.0.0.1:5173' })).toBe('http://127.0.0.1:5173/__clerk/v1')
  })

  it('uses https and the key host without a proxy', () => {
    expect(resolveFapiBaseUrl({ frontendApi: 'clerk.example.com' })).toBe('https://clerk.example.com/v1')
  })

  it('uses the satellite domain for production instances', () => {
    expect(resolveFapiBaseUrl({ domain: 'clerk.satellite.test', isProduction: true, frontendApi: 'clerk.example.com' }))
      .toBe('https://clerk.satellite.test/v1')
  })

  it('ignores the domain for development instances', () => {
    expect(resolveFapiBaseUrl({ domain: 'clerk.satellite.test', isProduction: false, frontendApi: 'clerk.example.com' }))
      .toBe('https://clerk.example.com/v1')
  })

  it('throws when neither a key host nor a proxy is known', () => {
    expect(() => resolveFapiBaseUrl({})).toThrow(/publishableKey or a proxyUrl/)
  })
})
