// @vitest-environment node
import type { FakeFapiReply } from '../../helpers/createFakeFapi'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClerkContractError } from '../../../src/contract'
import { createFapiClient } from '../../../src/core/fapi'
import { emailAddressJSON } from '../../contract/fixtures/identity'
import { createFakeFapi } from '../../helpers/createFakeFapi'
import { clientJSON, fakeJwt } from '../../helpers/fapiFixtures'

function setup(reply: FakeFapiReply) {
  const server = createFakeFapi()
  server.on('GET', '/v1/thing', reply)
  server.on('POST', '/v1/thing', reply)
  const received: unknown[] = []
  const fapi = createFapiClient({ proxyUrl: 'http://127.0.0.1:4000', fetch: server.fetch, onClient: client => received.push(client) })
  return { server, fapi, received }
}

const deleted = { object: 'email_address', id: 'idn_1', deleted: true }

describe('createFapiClient responses', () => {
  it('unwraps {response, client} bodies', async () => {
    const { fapi } = setup({ body: { response: deleted, client: clientJSON() } })
    const { response } = await fapi.request({ path: '/thing', contract: 'deletedObject' })
    expect(response).toEqual(deleted)
  })

  it('parses bare bodies whole', async () => {
    const jwt = fakeJwt()
    const { fapi } = setup({ body: { object: 'token', jwt } })
    const { response } = await fapi.request({ path: '/thing', method: 'POST', contract: 'token' })
    expect(response).toEqual({ object: 'token', jwt })
  })

  it('parses a wrapped null response', async () => {
    const { fapi } = setup({ body: { response: null, client: null } })
    const { response } = await fapi.request({ path: '/thing', contract: 'client?' })
    expect(response).toBeNull()
  })

  it('parses paginated responses', async () => {
    const { fapi } = setup({ body: { response: { data: [deleted], total_count: 7 }, client: null } })
    const { response } = await fapi.request({ path: '/thing', contract: 'deletedObject[page]' })
    expect([response.data, response.total_count]).toEqual([[deleted], 7])
  })

  it('does not read the body of a 204', async () => {
    const { fapi } = setup({ status: 204 })
    const result = await fapi.request({ path: '/thing', method: 'POST', contract: 'none' })
    expect([result.status, result.response]).toEqual([204, undefined])
  })

  it('returns the status and headers', async () => {
    const { fapi } = setup({ body: { response: deleted }, headers: { 'x-country': 'FR' } })
    const result = await fapi.request({ path: '/thing', contract: 'deletedObject' })
    expect([result.status, result.headers.get('x-country')]).toEqual([200, 'FR'])
  })
})

describe('createFapiClient client piggybacking', () => {
  it('hands the piggybacked client to onClient after a POST', async () => {
    const { fapi, received } = setup({ body: { response: deleted, client: clientJSON({ id: 'client_2' }) } })
    await fapi.request({ path: '/thing', method: 'POST', contract: 'deletedObject' })
    expect(received).toEqual([expect.objectContaining({ object: 'client', id: 'client_2' })])
  })

  it('returns the parsed client with the response', async () => {
    const { fapi } = setup({ body: { response: deleted, client: clientJSON({ id: 'client_2' }) } })
    const { client } = await fapi.request({ path: '/thing', method: 'POST', contract: 'deletedObject' })
    expect(client?.id).toBe('client_2')
  })

  it('reads the client from meta.client', async () => {
    const { fapi, received } = setup({ body: { response: deleted, meta: { client: clientJSON({ id: 'client_meta' }) } } })
    await fapi.request({ path: '/thing', method: 'POST', contract: 'deletedObject' })
    expect(received).toEqual([expect.objectContaining({ id: 'client_meta' })])
  })

  it('hands over an explicit client: null', async () => {
    const { fapi, received } = setup({ body: { response: deleted, client: null } })
    await fapi.request({ path: '/thing', method: 'POST', contract: 'deletedObject' })
    expect(received).toEqual([null])
  })

  it('calls onClient only when the payload carries a client', async () => {
    const { fapi, received } = setup({ body: { response: deleted } })
    await fapi.request({ path: '/thing', method: 'POST', contract: 'deletedObject' })
    expect(received).toEqual([])
  })

  it('leaves onClient alone on GET', async () => {
    const { fapi, received } = setup({ body: { response: deleted, client: clientJSON() } })
    await fapi.request({ path: '/thing', contract: 'deletedObject' })
    expect(received).toEqual([])
  })

  it('updates the client on a GET that asks for it', async () => {
    const { fapi, received } = setup({ body: { response: deleted, client: clientJSON() } })
    await fapi.request({ path: '/thing', contract: 'deletedObject', updateClient: true })
    expect(received).toHaveLength(1)
  })

  it('skips the update on a POST that opts out', async () => {
    const { fapi, received } = setup({ body: { response: deleted, client: clientJSON() } })
    await fapi.request({ path: '/thing', method: 'POST', contract: 'deletedObject', updateClient: false })
    expect(received).toEqual([])
  })
})

describe('createFapiClient contract violations', () => {
  it('throws ClerkContractError when the response breaks its schema', async () => {
    const { fapi } = setup({ body: { response: { object: 'email_address', id: 'idn_1', deleted: 'yes' } } })
    await expect(fapi.request({ path: '/thing', contract: 'deletedObject', name: 'deleted email' }))
      .rejects
      .toSatisfy(error => error instanceof ClerkContractError && error.object === 'deleted email' && error.message.includes('deleted email: deleted:'))
  })

  it('throws ClerkContractError when the piggybacked client breaks its schema', async () => {
    const { fapi, received } = setup({ body: { response: deleted, client: { object: 'client' } } })
    await expect(fapi.request({ path: '/thing', method: 'POST', contract: 'deletedObject' })).rejects.toBeInstanceOf(ClerkContractError)
    expect(received).toEqual([])
  })

  it('names the call in contract errors by default', async () => {
    const { fapi } = setup({ body: { response: {} } })
    await expect(fapi.request({ path: '/thing', contract: 'deletedObject' })).rejects.toMatchObject({ object: 'GET /thing' })
  })

  it('throws ClerkContractError for a non-JSON success body', async () => {
    const { fapi } = setup({ body: '<html>proxy page</html>' })
    await expect(fapi.request({ path: '/thing', contract: 'deletedObject' })).rejects.toBeInstanceOf(ClerkContractError)
  })

  it('throws ClerkContractError for an empty 204 where an object was expected', async () => {
    const { fapi } = setup({ status: 204 })
    await expect(fapi.request({ path: '/thing', contract: 'deletedObject' })).rejects.toBeInstanceOf(ClerkContractError)
  })
})

// what an app's production bundle runs: the zod branch of readContract is compiled out there
describe('createFapiClient in a production build', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production')
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('still rejects a non-JSON success body with a clear ClerkContractError', async () => {
    const { fapi } = setup({ body: '<html>proxy page</html>' })
    await expect(fapi.request({ path: '/thing', contract: 'signIn', name: 'sign-in' }))
      .rejects
      .toSatisfy(error => error instanceof ClerkContractError && error.object === 'sign-in' && error.message === 'Invalid FAPI response for sign-in: expected object, received string')
  })

  it('rejects another endpoint\'s object', async () => {
    const { fapi } = setup({ body: { response: deleted } })
    await expect(fapi.request({ path: '/thing', contract: 'signIn' })).rejects.toThrow('Invalid FAPI response for GET /thing: object: expected "sign_in" or "sign_in_attempt", received "email_address"')
  })

  it('rejects a piggybacked client that is not a client', async () => {
    const { fapi, received } = setup({ body: { response: deleted, client: 'gone' } })
    await expect(fapi.request({ path: '/thing', method: 'POST', contract: 'deletedObject' })).rejects.toThrow('Invalid FAPI response for client: expected object, received string')
    expect(received).toEqual([])
  })

  it('rejects a malformed errors[] instead of crashing on it', async () => {
    const { fapi } = setup({ status: 422, body: { errors: [{ message: 'no code' }] } })
    await expect(fapi.request({ path: '/thing', method: 'POST', contract: 'deletedObject' })).rejects.toThrow('Invalid FAPI response for error response: errors[0].code: expected string, received undefined')
  })

  it('skips the field-by-field checks, and fills in what the schemas default', async () => {
    const { linked_to: _, ...terse } = emailAddressJSON()
    const { fapi } = setup({ body: { response: { ...terse, reserved: 'not a boolean' } } })
    const { response } = await fapi.request({ path: '/thing', contract: 'emailAddress' })
    expect([response.reserved, response.linked_to]).toEqual(['not a boolean', []])
  })

  it('reads a well-formed answer as the development build does', async () => {
    const body = { response: emailAddressJSON(), client: clientJSON() }
    const { fapi } = setup({ body })
    const production = await fapi.request({ path: '/thing', contract: 'emailAddress' })
    vi.unstubAllEnvs()
    const development = await fapi.request({ path: '/thing', contract: 'emailAddress' })
    expect([production.response, production.client]).toEqual([development.response, development.client])
  })
})
