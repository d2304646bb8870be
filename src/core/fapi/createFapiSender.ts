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

// no HTTP answer arrived (or it broke off, or the try timed out): the only kind of failure that is retried
class FapiNetworkError extends Error {
  override readonly name = 'FapiNetworkError'
}

/**
 * Creates the sender of one FAPI client: a thin layer over `fetch` that resolves every HTTP
 * answer, errors included (the caller maps them; they are never retried), parses JSON bodies and
 * turns a failed or timed-out exchange into a network failure. Bodies go as form data with an
 * explicit content type and no other header, so requests stay CORS-simple.
 */
export function createFapiSender(fetch: typeof globalThis.fetch | undefined, timeoutMs?: number): FapiSender {
  return async ({ url, method, body, credentials, signal }) => {
    if (signal?.aborted)
      throw signal.reason
    // one controller per try: it carries the caller's abort and this try's timeout
    const controller = new AbortController()
    const onAbort = (): void => controller.abort(signal?.reason)
    signal?.addEventListener('abort', onAbort, { once: true })
    const timer = timeoutMs ? setTimeout(() => controller.abort(new FapiNetworkError(`No answer within ${timeoutMs} ms.`)), timeoutMs) : undefined
    try {
      // resolved per call, so a fetch stubbed after the client was created is still used
      const response = await (fetch ?? globalThis.fetch)(url, {
        method,
        body,
        headers: body instanceof URLSearchParams ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
        credentials,
        signal: controller.signal,
      })
      const text = response.status === 204 ? '' : await response.text()
      return { status: response.status, statusText: response.statusText, headers: response.headers, payload: parseJson(text) }
    }
    catch (error) {
      // a caller's abort is not a network failure: surface the abort reason, never retry it
      if (signal?.aborted)
        throw signal.reason
      throw error instanceof FapiNetworkError ? error : new FapiNetworkError(`The request to ${url} failed.`, { cause: error })
    }
    finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }
}

/** True for failures where no HTTP answer arrived (DNS, refused connection, CORS, offline, timeout). */
export function isFapiNetworkError(error: unknown): boolean {
  return error instanceof FapiNetworkError
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
