import { createFetch, FetchError } from 'ofetch'

/** One HTTP exchange as it goes on the wire. */
export interface FapiWireRequest {
  url: string
  method: 'GET' | 'POST'
  body?: URLSearchParams | FormData
  credentials: RequestCredentials
  signal?: AbortSignal
}

/** An HTTP answer of any status, with its body parsed as JSON when it is JSON. */
export interface FapiWireResponse {
  status: number
  statusText: string
  headers: Headers
  /** Parsed JSON; the raw text when it is not JSON; undefined when there is no body (204). */
  payload: unknown
}

/** Sends one request; rejects only when no HTTP answer arrived. */
export type FapiSender = (request: FapiWireRequest) => Promise<FapiWireResponse>

/**
 * Creates the single ofetch instance of a FAPI client. ofetch's own retries are off (network
 * retries are ours, HTTP errors are never retried) and HTTP errors resolve, so the caller maps them.
 */
export function createFapiSender(fetch: typeof globalThis.fetch | undefined): FapiSender {
  const $fetch = createFetch({
    // resolved per call, so a fetch stubbed after creation is still used
    fetch: fetch ?? ((input, init) => globalThis.fetch(input, init)),
    defaults: { retry: false, ignoreResponseError: true, parseResponse: parseJson },
  })

  return async (request) => {
    const { url, method, body, credentials, signal } = request
    // an explicit content type keeps ofetch from adding JSON headers: the request stays CORS-simple
    const headers = body instanceof URLSearchParams ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined
    try {
      const response = await $fetch.raw(url, { method, body, headers, credentials, signal })
      return { status: response.status, statusText: response.statusText, headers: response.headers, payload: response._data }
    }
    catch (error) {
      // a caller's abort is not a network failure: surface the abort reason, never retry it
      if (signal?.aborted)
        throw signal.reason
      throw error
    }
  }
}

/** True for failures where no HTTP answer arrived (DNS, refused connection, CORS, offline). */
export function isFapiNetworkError(error: unknown): boolean {
  return error instanceof FetchError
}

function parseJson(text: string): unknown {
  if (!text)
    return undefined
  try {
    return JSON.parse(text)
  }
  catch {
    return text
  }
}
