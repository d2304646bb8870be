import type { TestResponse } from '../helpers/testBrowser'
import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { signInWithPassword, signUp } from '../helpers/flows'
import { createTestServer, uniqueEmail } from '../helpers/testServer'
import { createOrganization } from '../organizations/orgFixtures'

const HTTPS = { publicUrl: 'https://api.example.com', allowedOrigins: ['https://app.example.com'] }

/** The attributes of the `__client` Set-Cookie lines of a response, lower-cased, by line. */
function clientCookies(res: TestResponse): { value: string, attributes: Map<string, string>, line: string }[] {
  return res.headers.getSetCookie().filter(line => line.startsWith('__client=')).map((line) => {
    const [pair, ...rest] = line.split(';')
    const attributes = new Map(rest.map((attribute) => {
      const [name, ...value] = attribute.trim().split('=')
      return [name!.toLowerCase(), value.join('=')] as [string, string]
    }))
    return { value: pair!.slice('__client='.length), attributes, line }
  })
}

describeEachDb('security: cookies and response headers (security.md #20, #53)', (ctx) => {
  it('sets the client cookie HttpOnly, Secure, SameSite=Lax, Path=/, host-only and small, and clears it with Max-Age=0 (#20)', async () => {
    const server = createTestServer(ctx.db, HTTPS)
    const browser = server.browser({ origin: 'https://app.example.com' })
    const account = await signUp(server, browser, uniqueEmail('cookie'))
    await browser.delete('/v1/client/sessions')
    const signIn = await browser.post('/v1/client/sign_ins', { identifier: account.email, password: account.password })
    const touched = await browser.get('/v1/client/touch', { redirect_url: 'https://app.example.com/after' })
    const seen = [...clientCookies(signIn), ...clientCookies(touched)]
    expect(seen.length).toBeGreaterThanOrEqual(2)
    for (const { attributes, line } of seen) {
      expect(attributes.has('httponly'), line).toBe(true)
      expect(attributes.has('secure'), line).toBe(true)
      expect(attributes.get('samesite'), line).toBe('Lax')
      expect(attributes.get('path'), line).toBe('/')
      expect(attributes.has('domain'), line).toBe(false)
      expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(4096)
    }
    const destroyed = await browser.delete('/v1/client')
    const cleared = clientCookies(destroyed)
    expect(cleared).toHaveLength(1)
    expect(cleared[0]!.attributes.get('max-age')).toBe('0')
    expect(cleared[0]!.value).toBe('')
  })

  it('marks every API answer nosniff, no-store and with a Referrer-Policy, errors and redirects included (#53)', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const account = await signUp(server, browser, uniqueEmail('headers'))
    const org = await createOrganization({ browser, ...account })
    const other = server.browser()
    await signInWithPassword(other, account.email)
    const answers: [string, TestResponse][] = [
      ['environment', await browser.get('/v1/environment')],
      ['client', await browser.get('/v1/client')],
      ['me', await browser.get('/v1/me')],
      ['token', await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`)],
      ['organization', await browser.get(`/v1/organizations/${org.id}`)],
      ['active sessions', await browser.get('/v1/me/sessions/active')],
      ['sign-in', await server.browser().post('/v1/client/sign_ins', { identifier: account.email })],
      ['error 401', await server.browser().get('/v1/me')],
      ['error 404', await browser.get('/v1/nothing/here')],
      ['error 422', await server.browser().post('/v1/client/sign_ups', { email_address: 'not-an-address' })],
      ['error 400 origin', await server.browser({ origin: 'https://evil.test' }).post('/v1/client/sign_ups', {})],
      ['redirect', await browser.get('/v1/client/touch', { redirect_url: 'http://localhost:5173/' })],
    ]
    for (const [name, res] of answers) {
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), name).toMatch(/^(no-referrer|strict-origin|strict-origin-when-cross-origin|same-origin)$/)
      expect(res.headers.get('cache-control'), name).toContain('no-store')
      if (res.status !== 307)
        expect(res.headers.get('content-type'), name).toMatch(/^application\/json/)
    }
    // the JWKS is public and cacheable, still nosniff
    const jwks = await browser.get('/.well-known/jwks.json')
    expect(jwks.headers.get('x-content-type-options')).toBe('nosniff')
    expect(jwks.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/)
  })
})
