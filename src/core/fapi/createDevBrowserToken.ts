import type { FapiSender } from './createFapiSender'
import { isFapiNetworkError } from './createFapiSender'
import { readContract } from './readContract'
import { retryOnNetworkError } from './retryOnNetworkError'
import { toClerkAPIResponseError } from './toClerkAPIResponseError'

/**
 * Performs `POST /v1/dev_browser` and returns the new token (`dvb_…`). It is sent without
 * credentials: the dev browser replaces cookies as the client identity in development.
 */
export async function createDevBrowserToken(send: FapiSender, url: string): Promise<string> {
  const response = await retryOnNetworkError(
    () => send({ url, method: 'POST', credentials: 'omit' }),
    { maxTries: 1, isNetworkError: isFapiNetworkError },
  )
  if (response.status >= 400)
    throw toClerkAPIResponseError(response)
  return readContract('devBrowser', response.payload, 'dev browser').id
}
