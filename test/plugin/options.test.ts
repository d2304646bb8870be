import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { clerkPlugin } from '../../src'

function install(options: unknown): void {
  createApp({ render: () => null }).use(clerkPlugin, options as never)
}

describe('clerkPlugin options', () => {
  it.each([
    ['no options', undefined, /clerkPlugin needs options: app\.use\(clerkPlugin, \{ publishableKey/],
    ['no key, proxy or instance', {}, /needs a publishableKey, a proxyUrl or a clerk instance/],
    ['a key without the pk_ prefix', { publishableKey: 'sk_test_Y2xlcmsuZXhhbXBsZS5jb20k' }, /"publishableKey" is malformed: .*pk_test_ or pk_live_/],
    ['a key that is not base64', { publishableKey: 'pk_test_!!!' }, /"publishableKey" is malformed/],
    ['a key without the trailing $', { publishableKey: `pk_test_${btoa('clerk.example.com')}` }, /"publishableKey" is malformed: .*"\$"/],
    ['a number as signInUrl', { proxyUrl: '/__clerk', signInUrl: 5 }, /option "signInUrl": .*expected string/],
    ['an empty proxyUrl', { proxyUrl: '' }, /option "proxyUrl": must be a non-empty string/],
    ['a non-function fetch', { proxyUrl: '/__clerk', fetch: 'nope' }, /option "fetch": must be a function/],
    ['allowedRedirectOrigins as a string', { proxyUrl: '/__clerk', allowedRedirectOrigins: 'https://a.example' }, /option "allowedRedirectOrigins"/],
    ['a number among allowedRedirectOrigins', { proxyUrl: '/__clerk', allowedRedirectOrigins: [5] }, /option "allowedRedirectOrigins\.0": must be a string or a RegExp/],
  ])('rejects %s with a [portico] message naming the fix', (_, options, message) => {
    expect(() => install(options)).toThrowError(/^\[portico\] /)
    expect(() => install(options)).toThrowError(message)
  })

  it('points a malformed key at the dashboard and at proxyUrl', () => {
    expect(() => install({ publishableKey: 'pk_live_abc' })).toThrowError(/Clerk dashboard .* or pass proxyUrl alone/)
  })

  it.each([
    ['a development key', { publishableKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k' }],
    ['a proxy URL alone', { proxyUrl: 'http://localhost:4000' }],
  ])('accepts %s', (_, options) => {
    expect(() => install({ ...options, fetch: () => new Promise(() => {}) })).not.toThrow()
  })
})

// an app's production bundle skips the option types (and zod with them), not the checks it cannot run without
describe('clerkPlugin options in a production build', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production')
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it.each([
    ['no options', undefined, /^\[portico\] no-plugin-options$/],
    ['no key, proxy or instance', {}, /^\[portico\] no-publishable-key$/],
    ['an empty proxyUrl alone', { proxyUrl: '' }, /^\[portico\] no-publishable-key$/],
    ['a malformed key', { publishableKey: 'pk_live_abc' }, /^\[portico\] invalid-publishable-key$/],
  ])('still rejects %s, with a short code instead of the explanation', (_, options, message) => {
    expect(() => install(options)).toThrowError(message)
  })

  it('does not check the type of each option', () => {
    expect(() => install({ proxyUrl: '/__clerk', signInUrl: 5, fetch: () => new Promise(() => {}) })).not.toThrow()
  })
})
