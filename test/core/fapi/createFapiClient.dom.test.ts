// Runs in the default client project (happy-dom): SDK tests built on the transport run here too.
import { describe, expect, it } from 'vitest'
import { createFapiClient } from '../../../src/core/fapi'
import { createFakeFapi } from '../../helpers/createFakeFapi'
import { clientJSON } from '../../helpers/fapiFixtures'

describe('createFapiClient under happy-dom', () => {
  it('sends a form POST through a relative proxy and parses the answer', async () => {
    const server = createFakeFapi()
    server.on('POST', '/__clerk/v1/client/sign_ins', { body: { response: clientJSON(), client: clientJSON() } })
    const received: unknown[] = []
    const fapi = createFapiClient({ proxyUrl: '/__clerk', fetch: server.fetch, onClient: client => received.push(client) })
    const { response } = await fapi.request({ path: '/client/sign_ins', method: 'POST', body: { identifier: 'a@x.test' }, contract: 'client' })
    const request = server.last()
    expect([request.url.origin, request.body, request.headers.get('content-type'), response.id, received.length])
      .toEqual([window.location.origin, 'identifier=a%40x.test', 'application/x-www-form-urlencoded', 'client_1', 1])
  })
})
