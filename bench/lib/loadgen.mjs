// A small keep-alive HTTP/1.1 load generator: a fixed number of connections, each sending its next request
// as soon as the previous answer is read, until a fixed request count is reached or a time cap expires, so a
// run always ends by itself. Latency is measured per request, from write to the end of the body.
//
// It speaks HTTP/1.1 over plain `node:net` sockets instead of `node:http`'s client: the load generator
// shares the machine's cores with the server it measures, and node:http's Agent, ClientRequest and
// IncomingMessage cost about as much CPU per request as a bare node:http server does. It is still a real
// client: one request at a time per connection (no pipelining), every response read to its end
// (Content-Length or chunked), its status checked, and a connection the server closes is reopened.
import { connect } from 'node:net'
import { performance } from 'node:perf_hooks'
import { summarize } from './stats.mjs'

const REQUEST_GRACE_MS = 30_000
const HEADER_END = Buffer.from('\r\n\r\n')
const CRLF = Buffer.from('\r\n')

/** The request's bytes: request line, Host, the given headers, Content-Length when there is a body. */
export function serializeRequest({ path, method = 'GET', headers = {}, body }, host) {
  let head = `${method} ${path} HTTP/1.1\r\nhost: ${host}\r\n`
  for (const [name, value] of Object.entries(headers))
    head += `${name}: ${value}\r\n`
  if (body !== undefined)
    head += `content-length: ${Buffer.byteLength(body)}\r\n`
  return `${head}\r\n${body ?? ''}`
}

/**
 * Reads HTTP/1.1 responses from a byte stream, one after another: `push(chunk)` returns the responses
 * completed by that chunk as `{ status, body, close }` (body a Buffer; close: the server said
 * `Connection: close`). Throws on a malformed response.
 */
export function responseReader() {
  let buffer = Buffer.alloc(0)
  let head = null // { status, length, chunked, close } once the header block is read
  return function push(chunk) {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk])
    const done = []
    while (true) {
      if (!head) {
        const end = buffer.indexOf(HEADER_END)
        if (end === -1)
          return done
        const text = buffer.toString('latin1', 0, end)
        const status = Number(text.slice(9, 12))
        if (!text.startsWith('HTTP/1.') || !Number.isInteger(status))
          throw new Error(`malformed response: ${text.slice(0, 80)}`)
        const lower = text.toLowerCase()
        const length = /\r\ncontent-length: *(\d+)/.exec(lower)
        head = {
          status,
          // 204 and 304 never have a body
          length: length ? Number(length[1]) : status === 204 || status === 304 ? 0 : null,
          chunked: /\r\ntransfer-encoding: *chunked/.test(lower),
          close: /\r\nconnection: *close/.test(lower),
        }
        if (!head.chunked && head.length === null)
          throw new Error('response without Content-Length or chunked encoding')
        buffer = buffer.subarray(end + 4)
      }
      let body
      if (head.chunked) {
        body = readChunked(buffer)
        if (!body)
          return done
        buffer = buffer.subarray(body.consumed)
        body = body.data
      }
      else {
        if (buffer.length < head.length)
          return done
        body = buffer.subarray(0, head.length)
        buffer = buffer.subarray(head.length)
      }
      done.push({ status: head.status, body, close: head.close })
      head = null
    }
  }
}

// a complete chunked body at the start of `buffer` (no trailers), or null while more bytes are needed
function readChunked(buffer) {
  const parts = []
  let at = 0
  while (true) {
    const lineEnd = buffer.indexOf(CRLF, at)
    if (lineEnd === -1)
      return null
    const size = Number.parseInt(buffer.toString('latin1', at, lineEnd), 16)
    if (!Number.isInteger(size))
      throw new Error('malformed chunk size')
    const dataStart = lineEnd + 2
    if (buffer.length < dataStart + size + 2)
      return null
    if (size === 0)
      return { data: Buffer.concat(parts), consumed: dataStart + 2 }
    parts.push(buffer.subarray(dataStart, dataStart + size))
    at = dataStart + size + 2
  }
}

// one keep-alive connection: `send(bytes)` resolves `{ status, body }` or rejects when the connection fails
function connection(host, port, idleMs) {
  let socket = null
  let pending = null
  const fail = (error) => {
    socket?.destroy()
    socket = null
    const waiting = pending
    pending = null
    waiting?.reject(error)
  }
  const open = () => {
    const push = responseReader()
    const own = connect({ host, port, noDelay: true })
    socket = own
    // events of a socket that was already given up (closed by the server, failed) change nothing
    own.setTimeout(idleMs, () => socket === own && fail(new Error(`no answer within ${idleMs} ms`)))
    own.on('data', (chunk) => {
      if (socket !== own)
        return
      let responses
      try {
        responses = push(chunk)
      }
      catch (error) {
        return fail(error)
      }
      for (const response of responses) {
        const waiting = pending
        pending = null
        if (!waiting)
          return fail(new Error('an answer nobody asked for'))
        if (response.close) {
          own.destroy()
          socket = null
        }
        waiting.resolve(response)
      }
    })
    own.on('error', error => socket === own && fail(error))
    own.on('close', () => socket === own && fail(new Error('connection closed before the answer')))
  }
  return {
    send(bytes) {
      return new Promise((resolve, reject) => {
        pending = { resolve, reject }
        if (!socket)
          open()
        socket.write(bytes)
      })
    },
    close: () => socket?.destroy(),
  }
}

/**
 * Sends `requests` requests over `connections` keep-alive sockets (at most `timeLimitMs`) and returns the
 * throughput and latency figures. `build(i, connection)` returns `{ path, method?, headers?, body? }`.
 * `check(status, body)` (body as text) says whether an answer counts as a success (default: 2xx).
 */
export async function runLoad({ port, host = '127.0.0.1', connections, requests, timeLimitMs, build, check = status => status >= 200 && status < 300 }) {
  const latencies = new Float64Array(requests)
  const statuses = {}
  let issued = 0
  let completed = 0
  let failures = 0
  let firstFailure
  const started = performance.now()
  const deadline = started + timeLimitMs
  // a request the server never answers must not keep the run from ending (queued ones may take
  // longer than the cap: the cap stops new requests, it does not cut answers short)
  const sockets = Array.from({ length: connections }, () => connection(host, port, timeLimitMs + REQUEST_GRACE_MS))

  async function worker(lane) {
    const socket = sockets[lane]
    while (issued < requests && performance.now() < deadline) {
      const bytes = serializeRequest(build(issued++, lane), `${host}:${port}`)
      const t0 = performance.now()
      try {
        const { status, body } = await socket.send(bytes)
        latencies[completed++] = performance.now() - t0
        statuses[status] = (statuses[status] ?? 0) + 1
        const text = body.toString()
        if (!check(status, text)) {
          failures++
          firstFailure ??= `${status} ${text.slice(0, 200)}`
        }
      }
      catch (error) {
        failures++
        firstFailure ??= error.message
      }
    }
  }

  await Promise.all(sockets.map((_, lane) => worker(lane)))
  const elapsedMs = performance.now() - started
  for (const socket of sockets)
    socket.close()
  return {
    connections,
    requests: completed,
    failures,
    ...(firstFailure ? { firstFailure } : {}),
    statuses,
    elapsedMs: Math.round(elapsedMs),
    capped: completed < requests,
    ...summarize(latencies.subarray(0, completed), completed, elapsedMs),
  }
}
