// @vitest-environment node
import type { FapiClientOptions } from '../../../src/core/fapi'
import { describe, expect, it } from 'vitest'
import { createFapiClient } from '../../../src/core/fapi'
import { createFakeFapi } from '../../helpers/createFakeFapi'
import { clientJSON } from '../../helpers/fapiFixtures'

function setup(options: Partial<FapiClientOptions> = {}) {
  const server = createFakeFapi()
  server.on('GET', '/v1/client', { body: { response: clientJSON(), client: null } })
  const fapi = createFapiClient({ proxyUrl: 'http://127.0.0.1:4000', fetch: server.fetch, ...options })
  return { server, fapi }
}

const getClient = { path: '/client', contract: 'client' } as const

describe('createFapiClient base URL', () => {
  it.each([
    [{ proxyUrl: 'http://127.0.0.1:4000' }, 'http://127.0.0.1:4000/v1/client'],
    [{ proxyUrl: 'http://127.0.0.1:4000/__clerk/' }, 'http://127.0.0.1:4000/__clerk/v1/client'],
    [{ proxyUrl: '/__clerk', baseOrigin: 'http://127.0.0.1:5173' }, 'http://127.0.0.1:5173/__clerk/v1/client'],
    [{ proxyUrl: undefined, publishableKey: 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k' }, 'https://clerk.example.com/v1/client'],
  ])('sends %j calls to %s', async (options, expected) => {
    const server = createFakeFapi()
    server.on('GET', new URL(expected).pathname, { body: { response: clientJSON() } })
    const fapi = createFapiClient({ fetch: server.fetch, ...options })
    await fapi.request(getClient)
    expect(`${server.last().url.origin}${server.last().path}`).toBe(expected)
  })

  it('lets the proxy win over the publishable key host', () => {
    const fapi = createFapiClient({ proxyUrl: 'http://127.0.0.1:4000', publishableKey: 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k' })
    expect(fapi.baseUrl).toBe('http://127.0.0.1:4000/v1')
  })

  it('reports the instance type from the key', () => {
    expect(createFapiClient({ publishableKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k' }).instanceType).toBe('development')
  })
})

describe('createFapiClient query params', () => {
  it('sends the API and SDK versions on every call', async () => {
    const { server, fapi } = setup({ apiVersion: '2026-05-12', clerkJsVersion: '6.29.3' })
    await fapi.request(getClient)
    expect([server.last().query.get('__clerk_api_version'), server.last().query.get('_clerk_js_version')]).toEqual(['2026-05-12', '6.29.3'])
  })

  it('defaults the versions to the clerk-js release Portico follows', async () => {
    const { server, fapi } = setup()
    await fapi.request(getClient)
    expect([server.last().query.get('__clerk_api_version'), server.last().query.get('_clerk_js_version')]).toEqual(['2026-08-20', '6.40.0'])
  })

  it('sends array query values as repeated keys', async () => {
    const { server, fapi } = setup()
    await fapi.request({ ...getClient, query: { status: ['pending', 'accepted'], paginated: true } })
    expect([server.last().query.getAll('status'), server.last().query.get('paginated')]).toEqual([['pending', 'accepted'], 'true'])
  })

  it.each(['PATCH', 'PUT', 'DELETE'] as const)('sends %s as POST with _method', async (method) => {
    const { server, fapi } = setup()
    server.on('POST', '/v1/client', { body: { response: clientJSON() } })
    await fapi.request({ ...getClient, method })
    expect([server.last().method, server.last().query.get('_method')]).toEqual(['POST', method])
  })

  it.each(['GET', 'POST'] as const)('sends %s as itself without _method', async (method) => {
    const { server, fapi } = setup()
    server.on('POST', '/v1/client', { body: { response: clientJSON() } })
    await fapi.request({ ...getClient, method })
    expect([server.last().method, server.last().query.has('_method')]).toEqual([method, false])
  })

  it('sends credentials on every call', async () => {
    const { server, fapi } = setup()
    await fapi.request(getClient)
    expect(server.last().credentials).toBe('include')
  })

  it('adds no custom headers to a GET', async () => {
    const { server, fapi } = setup()
    await fapi.request(getClient)
    expect([...server.last().headers.keys()]).toEqual([])
  })
})

describe('createFapiClient session id', () => {
  function withMe(sessionId: string | undefined) {
    const ctx = setup({ getSessionId: () => sessionId })
    ctx.server.on('GET', '/v1/me', { body: { response: clientJSON() } })
    return ctx
  }

  it('sends the active session id outside /client', async () => {
    const { server, fapi } = withMe('sess_1')
    await fapi.request({ path: '/me', contract: 'client' })
    expect(server.last().query.get('_clerk_session_id')).toBe('sess_1')
  })

  it('leaves the session id off /client paths', async () => {
    const { server, fapi } = withMe('sess_1')
    await fapi.request(getClient)
    expect(server.last().query.has('_clerk_session_id')).toBe(false)
  })

  it('leaves the session id off /waitlist', async () => {
    const { server, fapi } = withMe('sess_1')
    server.on('POST', '/v1/waitlist', { body: { response: clientJSON() } })
    await fapi.request({ path: '/waitlist', method: 'POST', contract: 'client' })
    expect(server.last().query.has('_clerk_session_id')).toBe(false)
  })

  it('sends none when no session is active', async () => {
    const { server, fapi } = withMe(undefined)
    await fapi.request({ path: '/me', contract: 'client' })
    expect(server.last().query.has('_clerk_session_id')).toBe(false)
  })

  it('lets one call act for another session', async () => {
    const { server, fapi } = withMe('sess_1')
    await fapi.request({ path: '/me', contract: 'client', sessionId: 'sess_2' })
    expect(server.last().query.get('_clerk_session_id')).toBe('sess_2')
  })

  it('lets one call send no session with null', async () => {
    const { server, fapi } = withMe('sess_1')
    await fapi.request({ path: '/me', contract: 'client', sessionId: null })
    expect(server.last().query.has('_clerk_session_id')).toBe(false)
  })
})

describe('createFapiClient buildUrl', () => {
  it('builds a navigation URL with the fixed params', () => {
    const { fapi } = setup()
    const url = new URL(fapi.buildUrl({ path: '/client/touch', query: { redirect_url: 'http://127.0.0.1:5173/' } }))
    expect([url.pathname, url.searchParams.get('redirect_url'), url.searchParams.has('__clerk_api_version')])
      .toEqual(['/v1/client/touch', 'http://127.0.0.1:5173/', true])
  })
})
