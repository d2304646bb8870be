import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'node:http'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDb } from './helpers/dbSuites'
import { createTestServer, uniqueEmail } from './helpers/testServer'

interface Answer {
  status: number
  body: any
  cookie: string | undefined
}

// node:http rather than fetch: fetch will not send an Origin header or a chunked body on demand
function send(port: number, path: string, body: string | string[], headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { origin: 'http://localhost:5173', ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', chunk => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()), cookie: res.headers['set-cookie']?.[0]?.split(';')[0] }))
    })
    req.on('error', reject)
    for (const chunk of Array.isArray(body) ? body : [body])
      req.write(chunk)
    req.end()
  })
}

// the same middleware over a real socket: @hono/node-server hands parseBody the Node request to read directly
describeEachDb('request bodies over HTTP', (ctx) => {
  let server: Server
  let port: number

  beforeAll(async () => {
    server = serve({ fetch: createTestServer(ctx.db).app.fetch, port: 0, hostname: '127.0.0.1' }) as Server
    await new Promise(resolve => server.once('listening', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise(resolve => server.close(resolve)))

  it('reads a form body', async () => {
    const email = uniqueEmail()
    const res = await send(port, '/v1/client/sign_ups', `email_address=${encodeURIComponent(email)}&first_name=Ada`, { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.response.email_address).toBe(email)
  })

  it('reads a JSON body', async () => {
    const email = uniqueEmail()
    const res = await send(port, '/v1/client/sign_ups', JSON.stringify({ email_address: email, unsafe_metadata: { a: 1 } }), { 'content-type': 'application/json' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.response.unsafe_metadata).toEqual({ a: 1 })
  })

  it('reads the body of a POST rewritten by _method', async () => {
    const created = await send(port, '/v1/client/sign_ups', `email_address=${encodeURIComponent(uniqueEmail())}`, { 'content-type': 'application/x-www-form-urlencoded' })
    const res = await send(port, `/v1/client/sign_ups/${created.body.response.id}?_method=PATCH`, 'unsafe_metadata=%7B%22b%22%3A2%7D', { 'content-type': 'application/x-www-form-urlencoded', 'cookie': created.cookie! })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.response.unsafe_metadata).toEqual({ b: 2 })
  })

  it('reads a chunked body that arrives in pieces, split inside a multi-byte character', async () => {
    const email = uniqueEmail()
    // an unknown parameter pads the body past one read; the name keeps its raw UTF-8 bytes
    const body = Buffer.from(`email_address=${encodeURIComponent(email)}&unsafe_metadata=%7B%22name%22%3A%22Zoë%22%7D&padding=${'b'.repeat(70 * 1024)}`)
    const split = body.indexOf(Buffer.from('ë')) + 1
    const res = await send(port, '/v1/client/sign_ups', [body.subarray(0, split), body.subarray(split, split + 40_000), body.subarray(split + 40_000)] as unknown as string[], { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    expect(res.body.response).toMatchObject({ email_address: email, unsafe_metadata: { name: 'Zoë' } })
  })

  it('answers 413 to a chunked body over 1 MiB', async () => {
    const chunk = `first_name=${'a'.repeat(64 * 1024)}`
    const res = await send(port, '/v1/client/sign_ups', Array.from<string>({ length: 20 }).fill(chunk), { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(413)
    expect(res.body.errors[0].code).toBe('payload_too_large')
  })
})
