// @vitest-environment node
import type { FapiClientOptions } from '../../../src/core/fapi'
import { describe, expect, it } from 'vitest'
import { isClerkAPIResponseError } from '../../../src/core/errors'
import { createFapiClient } from '../../../src/core/fapi'
import { createFakeFapi } from '../../helpers/createFakeFapi'
import { clientJSON, fapiErrorBody } from '../../helpers/fapiFixtures'

// clerk.local.lcl.dev: a development key with a dev-browser host suffix
const devKey = 'pk_test_Y2xlcmsubG9jYWwubGNsLmRldiQ'

function setup(options: Partial<FapiClientOptions> = {}) {
  const server = createFakeFapi()
  let created = 0
  server.on('POST', '/v1/dev_browser', () => ({ body: { id: `dvb_${++created}` } }))
  server.on('GET', '/v1/client', { body: { response: clientJSON() } })
  const fapi = createFapiClient({ publishableKey: devKey, proxyUrl: 'http://127.0.0.1:4000', fetch: server.fetch, ...options })
  return { server, fapi }
}

const getClient = { path: '/client', contract: 'client' } as const
const unauthenticated = { status: 401, body: fapiErrorBody('dev_browser_unauthenticated', 'Dev browser unknown.') }

describe('createFapiClient development browser', () => {
  it('is on for a pk_test_ key with a dev host', () => {
    expect(setup().fapi.devBrowserEnabled).toBe(true)
  })

  it.each([
    ['a production key', 'pk_live_Y2xlcmsubG9jYWwubGNsLmRldiQ'],
    ['a development key without a dev host', 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k'],
  ])('is off for %s', (_, publishableKey) => {
    const { fapi } = setup({ publishableKey })
    expect(fapi.devBrowserEnabled).toBe(false)
  })

  it('creates a dev browser before the first call, without credentials', async () => {
    const { server, fapi } = setup()
    await fapi.request(getClient)
    const [create, call] = server.requests
    expect([create?.method, create?.path, create?.credentials, call?.path]).toEqual(['POST', '/v1/dev_browser', 'omit', '/v1/client'])
  })

  it('sends the versions but no token to /dev_browser', async () => {
    const { server, fapi } = setup()
    await fapi.setupDevBrowser()
    const query = server.last().query
    expect([query.has('__clerk_api_version'), query.has('_clerk_js_version'), query.has('__clerk_db_jwt')]).toEqual([true, true, false])
  })

  it('sends the token as __clerk_db_jwt on every call', async () => {
    const { server, fapi } = setup()
    await fapi.request(getClient)
    await fapi.request(getClient)
    expect(server.requests.map(request => request.query.get('__clerk_db_jwt'))).toEqual([null, 'dvb_1', 'dvb_1'])
  })

  it('shares one dev browser between concurrent first calls', async () => {
    const { server, fapi } = setup()
    await Promise.all([fapi.request(getClient), fapi.request(getClient)])
    expect(server.requests.filter(request => request.path === '/v1/dev_browser')).toHaveLength(1)
  })

  it('adopts a token from the Clerk-Db-Jwt response header', async () => {
    const { server, fapi } = setup()
    server.on('GET', '/v1/client', [{ body: { response: clientJSON() }, headers: { 'Clerk-Db-Jwt': 'dvb_rotated' } }, { body: { response: clientJSON() } }])
    await fapi.request(getClient)
    await fapi.request(getClient)
    expect([fapi.getDevBrowserToken(), server.last().query.get('__clerk_db_jwt')]).toEqual(['dvb_rotated', 'dvb_rotated'])
  })

  it('re-creates the dev browser after dev_browser_unauthenticated and retries once', async () => {
    const { server, fapi } = setup()
    server.on('GET', '/v1/client', [unauthenticated, { body: { response: clientJSON({ id: 'client_after' }) } }])
    const { response } = await fapi.request(getClient)
    expect(server.requests.map(request => `${request.path} ${request.query.get('__clerk_db_jwt')}`))
      .toEqual(['/v1/dev_browser null', '/v1/client dvb_1', '/v1/dev_browser null', '/v1/client dvb_2'])
    expect(response.id).toBe('client_after')
  })

  it('gives up after one retry', async () => {
    const { server, fapi } = setup()
    server.on('GET', '/v1/client', unauthenticated)
    const error = await fapi.request(getClient).catch((e: unknown) => e)
    expect([isClerkAPIResponseError(error) && error.errors[0]?.code, server.requests.length]).toEqual(['dev_browser_unauthenticated', 4])
  })

  it('does not re-create the dev browser on other 401s', async () => {
    const { server, fapi } = setup()
    server.on('GET', '/v1/client', { status: 401, body: fapiErrorBody('authentication_invalid', 'No session.') })
    await fapi.request(getClient).catch(() => {})
    expect(server.requests.filter(request => request.path === '/v1/dev_browser')).toHaveLength(1)
  })

  it('maps a failed /dev_browser to ClerkAPIResponseError', async () => {
    const { server, fapi } = setup()
    server.on('POST', '/v1/dev_browser', { status: 400, body: fapiErrorBody('host_invalid', 'Unknown host.') })
    const error = await fapi.request(getClient).catch((e: unknown) => e)
    expect(isClerkAPIResponseError(error) && error.errors[0]?.code).toBe('host_invalid')
  })

  it('reads and writes the token through the given store', async () => {
    let stored: string | null = 'dvb_from_cookie'
    const store = {
      getToken: () => stored,
      setToken: (token: string | null) => {
        stored = token
      },
    }
    const { server, fapi } = setup({ devBrowserStore: store })
    server.on('GET', '/v1/client', [unauthenticated, { body: { response: clientJSON() } }])
    await fapi.request(getClient)
    expect([server.requests[0]?.query.get('__clerk_db_jwt'), stored]).toEqual(['dvb_from_cookie', 'dvb_1'])
  })

  it('can be forced on without a key', async () => {
    const server = createFakeFapi()
    server.on('POST', '/v1/dev_browser', { body: { id: 'dvb_forced' } })
    const fapi = createFapiClient({ proxyUrl: 'http://127.0.0.1:4000', fetch: server.fetch, devBrowser: true })
    expect(await fapi.setupDevBrowser()).toBe('dvb_forced')
  })

  it('adds the token to built URLs', async () => {
    const { fapi } = setup()
    await fapi.setupDevBrowser()
    expect(new URL(fapi.buildUrl({ path: '/client/touch' })).searchParams.get('__clerk_db_jwt')).toBe('dvb_1')
  })
})
