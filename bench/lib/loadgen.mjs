// A small keep-alive HTTP load generator: a fixed number of connections, each sending its next request as
// soon as the previous answer is read, until a fixed request count is reached or a time cap expires, so a
// run always ends by itself. Latency is measured per request, from write to the end of the body.
import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'
import { summarize } from './stats.mjs'

const REQUEST_GRACE_MS = 30_000

/**
 * Sends `requests` requests over `connections` keep-alive sockets (at most `timeLimitMs`) and returns the
 * throughput and latency figures. `build(i, connection)` returns `{ path, method?, headers?, body? }`.
 * `check(status, body)` says whether an answer counts as a success (default: 2xx).
 */
export async function runLoad({ port, host = '127.0.0.1', connections, requests, timeLimitMs, build, check = status => status >= 200 && status < 300 }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections })
  const latencies = new Float64Array(requests)
  const statuses = {}
  let issued = 0
  let completed = 0
  let failures = 0
  let firstFailure
  const started = performance.now()
  const deadline = started + timeLimitMs

  function send(i, connection) {
    const { path, method = 'GET', headers = {}, body } = build(i, connection)
    return new Promise((resolve) => {
      const t0 = performance.now()
      const req = request({ agent, host, port, path, method, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks = []
        res.on('data', chunk => chunks.push(chunk))
        res.on('end', () => {
          latencies[completed++] = performance.now() - t0
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1
          if (!check(res.statusCode, Buffer.concat(chunks).toString())) {
            failures++
            firstFailure ??= `${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`
          }
          resolve()
        })
      })
      // a request the server never answers must not keep the run from ending (queued ones may take
      // longer than the cap: the cap stops new requests, it does not cut answers short)
      req.setTimeout(timeLimitMs + REQUEST_GRACE_MS, () => req.destroy(new Error(`no answer within ${timeLimitMs + REQUEST_GRACE_MS} ms`)))
      req.on('error', (error) => {
        failures++
        firstFailure ??= error.message
        resolve()
      })
      req.end(body)
    })
  }

  async function worker(connection) {
    while (issued < requests && performance.now() < deadline)
      await send(issued++, connection)
  }

  await Promise.all(Array.from({ length: connections }, (_, connection) => worker(connection)))
  const elapsedMs = performance.now() - started
  agent.destroy()
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
