import type { FapiRequest } from '../resources/ResourceContext'
import { isClerkAPIResponseError } from '../errors'

// 401s that are not about the session: the transport or the captcha flow deals with them
const NOT_SIGNED_OUT = new Set(['dev_browser_unauthenticated', 'requires_captcha'])

/**
 * Wraps the transport so that a 401 (the session ended elsewhere, fapi.md 1.6) first lets Clerk
 * re-read the client, then reaches the caller: by the time the error arrives, the state is current.
 */
export function withUnauthenticatedHandling(request: FapiRequest, onUnauthenticated: () => Promise<void>): FapiRequest {
  return async (options) => {
    try {
      return await request(options)
    }
    catch (error) {
      if (isClerkAPIResponseError(error) && error.status === 401 && !NOT_SIGNED_OUT.has(error.errors[0]?.code ?? ''))
        await onUnauthenticated().catch(() => {})
      throw error
    }
  }
}
