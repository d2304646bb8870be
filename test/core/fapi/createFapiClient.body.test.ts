// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createFapiClient } from '../../../src/core/fapi'
import { createFakeFapi } from '../../helpers/createFakeFapi'
import { clientJSON } from '../../helpers/fapiFixtures'

function setup() {
  const server = createFakeFapi()
  server.on('POST', '/v1/client/sign_ups', { body: { response: clientJSON(), client: clientJSON() } })
  server.on('GET', '/v1/client/sign_ups', { body: { response: clientJSON() } })
  const fapi = createFapiClient({ proxyUrl: 'http://127.0.0.1:4000', fetch: server.fetch })
  return { server, fapi }
}

describe('createFapiClient request bodies', () => {
  it.each([
    ['camelCase keys as snake_case', { emailAddress: 'a@x.test', firstName: 'Ada' }, 'email_address=a%40x.test&first_name=Ada'],
    ['undefined dropped', { username: 'ada', password: undefined }, 'username=ada'],
    ['null as an empty string', { organizationId: null }, 'organization_id='],
    ['booleans as true/false', { legalAccepted: true, transfer: false }, 'legal_accepted=true&transfer=false'],
    ['arrays as repeated keys', { emailAddress: ['a@x.test', 'b@x.test'] }, 'email_address=a%40x.test&email_address=b%40x.test'],
    ['objects as JSON strings', { unsafeMetadata: { plan: 'pro' } }, `unsafe_metadata=${encodeURIComponent('{"plan":"pro"}')}`],
    ['an empty body as an empty string', {}, ''],
  ])('sends %s', async (_, body, expected) => {
    const { server, fapi } = setup()
    await fapi.request({ path: '/client/sign_ups', method: 'POST', body, contract: 'client' })
    expect(server.last().body).toBe(expected)
  })

  it('accepts an interface-typed params object', async () => {
    interface SignUpParams { emailAddress: string, firstName?: string }
    const params: SignUpParams = { emailAddress: 'a@x.test' }
    const { server, fapi } = setup()
    await fapi.request({ path: '/client/sign_ups', method: 'POST', body: params, contract: 'client' })
    expect(server.last().body).toBe('email_address=a%40x.test')
  })

  it('sends a missing body of a DELETE as an empty form', async () => {
    const { server, fapi } = setup()
    await fapi.request({ path: '/client/sign_ups', method: 'DELETE', contract: 'client' })
    expect([server.last().body, server.last().headers.get('content-type')]).toEqual(['', 'application/x-www-form-urlencoded'])
  })

  it('labels bodies as form-urlencoded, never JSON', async () => {
    const { server, fapi } = setup()
    await fapi.request({ path: '/client/sign_ups', method: 'POST', body: { username: 'ada' }, contract: 'client' })
    expect(server.last().headers.get('content-type')).toBe('application/x-www-form-urlencoded')
  })

  it('adds no accept header that would make the request non-simple', async () => {
    const { server, fapi } = setup()
    await fapi.request({ path: '/client/sign_ups', method: 'POST', body: { username: 'ada' }, contract: 'client' })
    expect(server.last().headers.has('accept')).toBe(false)
  })

  it('sends no body on GET', async () => {
    const { server, fapi } = setup()
    await fapi.request({ path: '/client/sign_ups', body: { username: 'ada' }, contract: 'client' })
    expect([server.last().body, server.last().headers.has('content-type')]).toEqual(['', false])
  })

  it('passes FormData through as multipart for uploads', async () => {
    const { server, fapi } = setup()
    const form = new FormData()
    form.append('file', new Blob(['png-bytes'], { type: 'image/png' }), 'avatar.png')
    await fapi.request({ path: '/client/sign_ups', method: 'POST', body: form, contract: 'client' })
    expect([server.last().headers.get('content-type')?.startsWith('multipart/form-data'), server.last().body.includes('png-bytes')]).toEqual([true, true])
  })
})
