import type { FetchToken, TokenFetchRequest } from '../../../src/core/tokens'
import { makeJwt } from './makeJwt'

/** Shaped like the transport's error after its own retries: the cache matches it by name. */
export class ClerkOfflineError extends Error {
  override readonly name = 'ClerkOfflineError'
}

/** An HTTP error answer, shaped like `ClerkAPIResponseError` (a `status`). */
export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`)
  }
}

/** How the stand-in token endpoint answers. */
export type TokenServerMode = 'online' | 'offline' | 'hang' | { status: number }

/** A stand-in for `POST /v1/client/sessions/:id/tokens` that mints tokens on the (faked) clock. */
export interface TokenServer {
  fetchToken: FetchToken
  /** Every request received, in order, with the (faked) time it arrived. */
  requests: (TokenFetchRequest & { at: number })[]
  mode: TokenServerMode
}

/** Creates a token endpoint answering after `latencyMs` of (faked) time with `lifetimeS`-second tokens. */
export function createTokenServer({ latencyMs = 50, lifetimeS = 60 } = {}): TokenServer {
  let minted = 0
  const server: TokenServer = {
    requests: [],
    mode: 'online',
    fetchToken(request) {
      server.requests.push({ ...request, at: Date.now() })
      const mode = server.mode
      return new Promise((resolve, reject) => {
        if (mode === 'hang')
          return
        setTimeout(() => {
          if (mode === 'offline')
            return reject(new ClerkOfflineError('Failed to fetch'))
          if (typeof mode === 'object')
            return reject(new HttpError(mode.status))
          const iat = Math.floor(Date.now() / 1000)
          resolve(makeJwt({
            sid: request.sessionId,
            iat,
            exp: iat + lifetimeS,
            jti: `jti_${++minted}`,
            ...(request.organizationId ? { org_id: request.organizationId } : {}),
            ...(request.template ? { tpl: request.template } : {}),
          }))
        }, latencyMs)
      })
    },
  }
  return server
}
