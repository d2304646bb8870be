import { describe, expect, it } from 'vitest'
import { buildPublishableKey, isDevelopmentFrontendApi, parsePublishableKey } from '../../src/contract'

describe('parsePublishableKey', () => {
  it.each([
    ['pk_test_Y2xlcmsuZXhhbXBsZS5jb20k', 'development', 'clerk.example.com'],
    ['pk_test_Y2xlcmsubG9jYWwubGNsLmRldiQ', 'development', 'clerk.local.lcl.dev'],
    ['pk_live_Y2xlcmsubG9jYWxob3N0JA', 'production', 'clerk.localhost'],
    ['pk_test_Y2xlcmsuaW5zcGlyZWQucHVtYS03NC5sY2wuZGV2JA', 'development', 'clerk.inspired.puma-74.lcl.dev'],
    ['pk_live_Y2xlcmsucG9ydGljby50ZXN0JA', 'production', 'clerk.portico.test'],
    // padded keys decode the same
    ['pk_live_Y2xlcmsubG9jYWxob3N0JA==', 'production', 'clerk.localhost'],
  ])('decodes %s', (key, instanceType, frontendApi) => {
    expect(parsePublishableKey(key)).toEqual({ instanceType, frontendApi })
  })

  it.each([
    ['', 'expected a non-empty string starting with pk_test_ or pk_live_'],
    ['sk_test_Y2xlcmsuZXhhbXBsZS5jb20k', 'expected it to start with pk_test_ or pk_live_'],
    ['pk_prod_Y2xlcmsuZXhhbXBsZS5jb20k', 'expected it to start with pk_test_ or pk_live_'],
    ['pk_test', 'expected three parts separated by "_", got 2'],
    ['pk_test_abc_def', 'expected three parts separated by "_", got 4'],
    ['pk_test_', 'the encoded Frontend API is empty'],
    ['pk_test_not*base64', 'the part after the prefix is not base64'],
    // "clerk.example.com" without the trailing $
    ['pk_test_Y2xlcmsuZXhhbXBsZS5jb20', 'the decoded value must end with exactly one "$"'],
    // "clerk.example.com$$"
    ['pk_test_Y2xlcmsuZXhhbXBsZS5jb20kJA', 'the decoded value must end with exactly one "$"'],
    // "localhost:4000$": fapi.md 5.6 rejects it for lacking a dot
    ['pk_test_bG9jYWxob3N0OjQwMDAk', 'the Frontend API host "localhost:4000" has no dot'],
    // "evil.com/x$"
    ['pk_test_ZXZpbC5jb20veCQ', 'the Frontend API host "evil.com/x" is not a valid host name'],
  ])('rejects %j: %s', (key, reason) => {
    expect(() => parsePublishableKey(key)).toThrow(`[portico] Invalid publishable key "${key}": ${reason}`)
  })
})

describe('buildPublishableKey', () => {
  it.each([
    ['clerk.example.com', 'development', 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k'],
    ['clerk.local.lcl.dev', 'development', 'pk_test_Y2xlcmsubG9jYWwubGNsLmRldiQ'],
    ['clerk.localhost', 'production', 'pk_live_Y2xlcmsubG9jYWxob3N0JA'],
  ] as const)('encodes %s (%s)', (frontendApi, instanceType, key) => {
    expect(buildPublishableKey(frontendApi, instanceType)).toBe(key)
  })

  it('round-trips through parsePublishableKey, port included', () => {
    expect(parsePublishableKey(buildPublishableKey('clerk.portico.test:4000', 'production'))).toEqual({ instanceType: 'production', frontendApi: 'clerk.portico.test:4000' })
  })

  it('refuses a host without a dot', () => {
    expect(() => buildPublishableKey('localhost', 'development')).toThrow('[portico] Cannot build a publishable key: the Frontend API host "localhost" has no dot')
  })
})

describe('isDevelopmentFrontendApi', () => {
  it.each([
    ['clerk.local.lcl.dev', true],
    ['foo.stg.dev', true],
    ['foo.lclstage.dev', true],
    ['foo.stgstage.dev', true],
    ['foo.dev.lclclerk.com', true],
    ['foo.stg.lclclerk.com', true],
    ['foo.accounts.lclclerk.com', true],
    ['wealthy-warthog-69.clerk.accounts.dev', true],
    ['foo.clerk.accountsstage.dev', true],
    ['CLERK.LOCAL.LCL.DEV:443', true],
    ['clerk.example.com', false],
    ['clerk.localhost', false],
    ['accounts.dev.evil.com', false],
    ['notlcl.dev', false],
  ])('%s -> %s', (host, expected) => {
    expect(isDevelopmentFrontendApi(host)).toBe(expected)
  })
})
