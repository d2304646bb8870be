import { describe, expect, it } from 'vitest'
import { isAllowedRedirectUrl } from '../../src/contract'

const options = {
  currentOrigin: 'https://trusted.com',
  allowedOrigins: ['https://*.trusted.com', 'https://partner.example', 'http://localhost:5173'],
}

describe('isAllowedRedirectUrl', () => {
  // security.md test #47: every payload is refused
  it.each([
    'https://evil.com',
    '//evil.com',
    '/\\evil.com',
    '\\\\evil.com',
    'https:evil.com',
    'https:trusted.com',
    'https://trusted.com.evil.com',
    'https://trusted.com@evil.com',
    'https://user:pass@trusted.com/',
    'https://evil.com#@trusted.com',
    'https://evil.com/?trusted.com',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '%2F%2Fevil.com',
    '/%2F/evil.com',
    '/%2f%2fevil.com',
    '/%5Cevil.com',
    '/..//evil.com',
    '/./%2Fevil.com',
    '/a/../..//evil.com',
    '/\t/evil.com',
    '/\\t/evil.com',
    '/\n/evil.com',
    '/%09/evil.com',
    '/%0d%0aLocation:%20https://evil.com',
    'https://trusted.com.',
    'https://trusted.com./dashboard',
    'https://trusted。com',
    'https://eviltrusted.com',
    'https://a.b.trusted.com',
    'https://.trusted.com',
    'http://trusted.com',
    'http://app.trusted.com',
    'https://partner.example.evil.com',
    'https://%74rusted.com',
    'https://trusted.com:443',
    'https://trusted.com:8443/',
    'ftp://trusted.com/',
    'dashboard',
    '?next=/x',
    '',
    '%E0%A4%A',
  ])('refuses %j', (url) => {
    expect(isAllowedRedirectUrl(url, options)).toBe(false)
  })

  it.each([
    '/',
    '/dashboard',
    '/dashboard?tab=security#mfa',
    '/search?q=a%20b&next=%2Fhome',
    'https://trusted.com',
    'https://trusted.com/after-sign-in?x=1',
    'HTTPS://TRUSTED.COM/path',
    'https://app.trusted.com/',
    'https://partner.example/welcome',
    'http://localhost:5173/callback',
  ])('allows %j', (url) => {
    expect(isAllowedRedirectUrl(url, options)).toBe(true)
  })

  it('allows relative paths without any configured origin', () => {
    expect(isAllowedRedirectUrl('/profile')).toBe(true)
  })

  it('refuses absolute URLs when nothing is configured', () => {
    expect(isAllowedRedirectUrl('https://trusted.com/')).toBe(false)
  })

  it.each([
    ['https://a.example.org/', true],
    ['http://a.example.org/', false],
  ])('treats a scheme-less wildcard as https: %s -> %s', (url, expected) => {
    expect(isAllowedRedirectUrl(url, { allowedOrigins: ['*.example.org'] })).toBe(expected)
  })

  it('matches the current origin on an http development host', () => {
    expect(isAllowedRedirectUrl('http://127.0.0.1:5173/x', { currentOrigin: 'http://127.0.0.1:5173' })).toBe(true)
  })

  it('ignores allow-list entries that do not parse', () => {
    expect(isAllowedRedirectUrl('https://evil.com/', { allowedOrigins: ['not a url', 'javascript:alert(1)'] })).toBe(false)
  })
})
