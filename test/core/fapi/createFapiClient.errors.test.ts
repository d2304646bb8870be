// @vitest-environment node
import type { ClerkAPIResponseError } from '../../../src/core/errors'
import type { FapiClientOptions } from '../../../src/core/fapi'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClerkContractError } from '../../../src/contract'
import { ClerkOfflineError, isClerkAPIResponseError, isClerkOfflineError } from '../../../src/core/errors'
import { createFapiClient } from '../../../src/core/fapi'
import { createFakeFapi } from '../../helpers/createFakeFapi'
import { clientJSON, fapiErrorBody } from '../../helpers/fapiFixtures'

function setup(options: Partial<FapiClientOptions> = {}) {
  const server = createFakeFapi()
  const received: unknown[] = []
  const fapi = createFapiClient({
    proxyUrl: 'http://127.0.0.1:4000',
    fetch: server.fetch,
    onClient: client => received.push(client),
    ...options,
  })
  return { server, fapi, received }
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => {
    throw new Error('expected the request to fail')
  }, (error: unknown) => error)
}

async function apiError(promise: Promise<unknown>): Promise<ClerkAPIResponseError> {
  const error = await caught(promise)
  if (!isClerkAPIResponseError(error))
    throw error
  return error
}

const signIn = { path: '/client/sign_ins', method: 'POST', body: { identifier: 'nobody@x.test' }, contract: 'client' } as const

describe('createFapiClient HTTP errors', () => {
  it('maps a 422 to ClerkAPIResponseError with camelCased errors', async () => {
    const { server, fapi } = setup()
    server.on('POST', '/v1/client/sign_ins', { status: 422, body: fapiErrorBody('form_identifier_not_found', 'Couldn\'t find your account.', { param_name: 'identifier' }) })
    const error = await apiError(fapi.request(signIn))
    expect(error.errors).toEqual([{
      code: 'form_identifier_not_found',
      message: 'couldn\'t find your account.',
      longMessage: 'Couldn\'t find your account.',
      meta: { paramName: 'identifier' },
    }])
  })

  it('uses the first error\'s long_message as the message', async () => {
    const { server, fapi } = setup()
    server.on('POST', '/v1/client/sign_ins', { status: 422, body: fapiErrorBody('form_password_incorrect', 'Password is incorrect.') })
    const error = await apiError(fapi.request(signIn))
    expect([error.message, error.status, error.clerkTraceId, error.name]).toEqual(['Password is incorrect.', 422, 'trace_123', 'ClerkAPIResponseError'])
  })

  it('reads Retry-After on a 429', async () => {
    const { server, fapi } = setup()
    server.on('POST', '/v1/client/sign_ins', { status: 429, body: fapiErrorBody('too_many_requests', 'Too many requests.'), headers: { 'retry-after': '30' } })
    const error = await apiError(fapi.request(signIn))
    expect([error.status, error.retryAfter, error.errors[0]?.code]).toEqual([429, 30, 'too_many_requests'])
  })

  it('maps a 401 without touching the dev browser of a production instance', async () => {
    const { server, fapi } = setup()
    server.on('GET', '/v1/me', { status: 401, body: fapiErrorBody('authentication_invalid', 'You need an active session.') })
    const error = await apiError(fapi.request({ path: '/me', contract: 'client' }))
    expect([error.status, error.errors[0]?.code, server.requests.length]).toEqual([401, 'authentication_invalid', 1])
  })

  it('keeps unknown meta keys, camelCased', async () => {
    const { server, fapi } = setup()
    server.on('POST', '/v1/client/sign_ins', { status: 400, body: fapiErrorBody('identifier_already_signed_in', 'Already signed in.', { session_id: 'sess_9', extra_hint: 1 }) })
    const error = await apiError(fapi.request(signIn))
    expect(error.errors[0]?.meta).toEqual({ sessionId: 'sess_9', extraHint: 1 })
  })

  it('gives an empty errors[] and the status text for a non-FAPI error body', async () => {
    const { server, fapi } = setup()
    server.on('GET', '/v1/client', { status: 502, body: '<html>Bad gateway</html>' })
    const error = await apiError(fapi.request({ path: '/client', contract: 'client' }))
    expect([error.status, error.errors]).toEqual([502, []])
  })

  it('never retries HTTP errors', async () => {
    const { server, fapi } = setup()
    server.on('GET', '/v1/client', { status: 503, body: fapiErrorBody('service_unavailable', 'Try later.') })
    await caught(fapi.request({ path: '/client', contract: 'client' }))
    expect(server.requests).toHaveLength(1)
  })

  it('hands the client of an error body to onClient after a POST', async () => {
    const { server, fapi, received } = setup()
    server.on('POST', '/v1/client/sign_ins', { status: 400, body: { ...fapiErrorBody('client_state_invalid', 'Bad state.'), meta: { client: clientJSON({ id: 'client_err' }) } } })
    await caught(fapi.request(signIn))
    expect(received).toEqual([expect.objectContaining({ id: 'client_err' })])
  })

  it('throws ClerkContractError for a malformed errors[]', async () => {
    const { server, fapi } = setup()
    server.on('POST', '/v1/client/sign_ins', { status: 422, body: { errors: [{ message: 'no code' }] } })
    expect(await caught(fapi.request(signIn))).toBeInstanceOf(ClerkContractError)
  })
})

describe('createFapiClient network failures', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function withClient() {
    const ctx = setup()
    ctx.server.on('GET', '/v1/client', { body: { response: clientJSON() } })
    return ctx
  }

  it('retries a GET after a network failure and succeeds', async () => {
    const { server, fapi } = withClient()
    server.failNetwork(2)
    const result = fapi.request({ path: '/client', contract: 'client' })
    await vi.advanceTimersByTimeAsync(700 + 1400)
    expect((await result).response.id).toBe('client_1')
    expect(server.attempts).toBe(3)
  })

  it('marks retries with _clerk_retry_attempt', async () => {
    const { server, fapi } = withClient()
    server.failNetwork(1)
    const result = fapi.request({ path: '/client', contract: 'client' })
    await vi.advanceTimersByTimeAsync(700)
    await result
    expect(server.last().query.get('_clerk_retry_attempt')).toBe('1')
  })

  it('waits with capped exponential backoff between tries', async () => {
    const { server, fapi } = withClient()
    server.failNetwork(3)
    const result = fapi.request({ path: '/client', contract: 'client' })
    const seen: number[] = []
    for (const step of [700, 1400, 2800]) {
      await vi.advanceTimersByTimeAsync(step - 1)
      seen.push(server.attempts)
      await vi.advanceTimersByTimeAsync(1)
    }
    await result
    expect(seen).toEqual([1, 2, 3])
  })

  it('gives up with ClerkOfflineError after four tries', async () => {
    const { server, fapi } = withClient()
    server.failNetwork(10)
    const outcome = caught(fapi.request({ path: '/client', contract: 'client' }))
    await vi.advanceTimersByTimeAsync(700 + 1400 + 2800)
    const error = await outcome
    expect([isClerkOfflineError(error), (error as ClerkOfflineError).attempts, server.attempts]).toEqual([true, 4, 4])
  })

  it('follows the configured retry settings', async () => {
    const { server, fapi } = setup({ retry: { maxTries: 2, initialDelayMs: 100 } })
    server.failNetwork(10)
    const outcome = caught(fapi.request({ path: '/client', contract: 'client' }))
    await vi.advanceTimersByTimeAsync(100)
    expect([isClerkOfflineError(await outcome), server.attempts]).toEqual([true, 2])
  })

  it('lets one call choose its number of tries', async () => {
    const { server, fapi } = withClient()
    server.failNetwork(10)
    const error = await caught(fapi.request({ path: '/client', contract: 'client', maxTries: 1 }))
    expect([isClerkOfflineError(error), server.attempts]).toEqual([true, 1])
  })

  it('never retries a POST', async () => {
    const { server, fapi } = setup()
    server.failNetwork(1)
    const error = await caught(fapi.request(signIn))
    expect([error instanceof ClerkOfflineError, server.attempts, server.requests.length]).toEqual([true, 1, 0])
  })

  it('never retries a DELETE sent as POST', async () => {
    const { server, fapi } = setup()
    server.failNetwork(1)
    const error = await caught(fapi.request({ path: '/me', method: 'DELETE', contract: 'deletedObject' }))
    expect([isClerkOfflineError(error), server.attempts]).toEqual([true, 1])
  })

  // a server that accepts the connection and never answers: only the try's own timeout ends the wait
  function hangingFetch() {
    let tries = 0
    const fetch: typeof globalThis.fetch = (_input, init) => {
      tries++
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true })
      })
    }
    return { fetch, tries: () => tries }
  }

  it('ends a try that gets no answer after the timeout, and retries it as a network failure', async () => {
    const server = hangingFetch()
    const fapi = createFapiClient({ proxyUrl: 'http://127.0.0.1:4000', fetch: server.fetch, timeout: 1000, retry: { maxTries: 2, initialDelayMs: 700 } })
    const outcome = caught(fapi.request({ path: '/client', contract: 'client' }))
    await vi.advanceTimersByTimeAsync(999)
    expect(server.tries()).toBe(1)
    await vi.advanceTimersByTimeAsync(1 + 700)
    expect(server.tries()).toBe(2)
    await vi.advanceTimersByTimeAsync(1000)
    const error = await outcome
    expect([isClerkOfflineError(error), (error as ClerkOfflineError).attempts]).toEqual([true, 2])
    expect(String((error as ClerkOfflineError).cause)).toContain('No answer within 1000 ms')
  })

  it('times out a POST once, without retrying it', async () => {
    const server = hangingFetch()
    const fapi = createFapiClient({ proxyUrl: 'http://127.0.0.1:4000', fetch: server.fetch, timeout: 500 })
    const outcome = caught(fapi.request(signIn))
    await vi.advanceTimersByTimeAsync(500 + 5000)
    expect([isClerkOfflineError(await outcome), server.tries()]).toEqual([true, 1])
  })

  it('waits as long as it takes without a timeout', async () => {
    const server = hangingFetch()
    const fapi = createFapiClient({ proxyUrl: 'http://127.0.0.1:4000', fetch: server.fetch })
    let settled = false
    const outcome = caught(fapi.request({ path: '/client', contract: 'client' })).finally(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect([settled, server.tries()]).toEqual([false, 1])
    void outcome
  })

  it('surfaces an abort during a try as the abort reason, not as offline', async () => {
    const server = hangingFetch()
    const fapi = createFapiClient({ proxyUrl: 'http://127.0.0.1:4000', fetch: server.fetch, timeout: 1000 })
    const controller = new AbortController()
    const outcome = caught(fapi.request({ path: '/client', contract: 'client', signal: controller.signal }))
    await vi.advanceTimersByTimeAsync(100)
    controller.abort(new Error('left the page'))
    expect([await outcome, server.tries()]).toEqual([new Error('left the page'), 1])
  })

  it('does not send a call whose signal is already aborted', async () => {
    const { server, fapi } = withClient()
    const error = await caught(fapi.request({ path: '/client', contract: 'client', signal: AbortSignal.abort(new Error('too late')) }))
    expect([error, server.attempts]).toEqual([new Error('too late'), 0])
  })

  it('treats a body that breaks off mid-way as a network failure', async () => {
    let tries = 0
    const fetch: typeof globalThis.fetch = async () => {
      tries++
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"response":'))
          controller.error(new TypeError('connection reset'))
        },
      })
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
    }
    const fapi = createFapiClient({ proxyUrl: 'http://127.0.0.1:4000', fetch, retry: { maxTries: 2, initialDelayMs: 10 } })
    const outcome = caught(fapi.request({ path: '/client', contract: 'client' }))
    await vi.advanceTimersByTimeAsync(10)
    expect([isClerkOfflineError(await outcome), tries]).toEqual([true, 2])
  })

  it('surfaces an abort as the abort reason, not as offline', async () => {
    const { server, fapi } = withClient()
    server.failNetwork(10)
    const controller = new AbortController()
    const outcome = caught(fapi.request({ path: '/client', contract: 'client', signal: controller.signal }))
    await vi.advanceTimersByTimeAsync(100)
    controller.abort(new Error('navigated away'))
    expect(await outcome).toEqual(new Error('navigated away'))
  })
})
