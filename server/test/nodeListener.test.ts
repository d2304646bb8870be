import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineConfig } from '../src/config'
import { createDb } from '../src/db/createDb'
import { createNodeListener } from '../src/nodeListener'

/** Sends `head` (request line and headers) as it is on a raw socket; answers the status line. */
function rawRequest(port: number, head: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(`${head}\r\n\r\n${body}`))
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk.toString()
    })
    socket.on('end', () => resolve(answer.split('\r\n')[0]!))
    socket.on('error', reject)
  })
}

describe('createNodeListener', async () => {
  const db = await createDb({ url: 'sqlite::memory:' })
  const server = createServer(createNodeListener({ db, config: defineConfig() }, { hostname: '127.0.0.1' }))
  let port: number
  beforeAll(async () => {
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve))
    await db.destroy()
  })

  it('answers an HTTP/1.0 probe without a Host header as the configured host', async () => {
    expect(await rawRequest(port, 'GET /v1/health HTTP/1.0')).toBe('HTTP/1.1 200 OK')
  })

  it('leaves a token request without a Host header to the app, which answers it as any other', async () => {
    const status = await rawRequest(port, 'POST /v1/client/sessions/sess_x/tokens HTTP/1.0\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: 0')
    // no client: signed out, in Clerk's envelope, not the adapter's "Missing host header"
    expect(status).toBe('HTTP/1.1 401 Unauthorized')
  })
})
