import type { ClientJSON } from '../../contract'
import type { FapiContract, FapiContractOutput } from '../fapi/fapiContract'
import type { FapiRequestOptions, FapiResult } from '../fapi/fapiTypes'

/** Sends one Frontend API call (the piggybacked client is applied to Clerk before this resolves). */
export type FapiRequest = <C extends FapiContract>(options: FapiRequestOptions<C>) => Promise<FapiResult<FapiContractOutput<C>>>

/** Options of `Session.getToken` (ClerkJS names). */
export interface GetTokenOptions {
  /** A JWT template name: the token is minted by `POST …/tokens/:template`. */
  template?: string
  /** The organization the token is for; `null` means the personal account. @default the session's active organization */
  organizationId?: string | null
  /** Bypass the cache and the server's token cache. @default false */
  skipCache?: boolean
}

/** What `getToken` hands to the token cache: the options with the organization resolved. */
export interface TokenRequest {
  sessionId: string
  template: string | undefined
  organizationId: string | null
  skipCache: boolean
}

/**
 * The services every resource of one Clerk instance shares: the transport and the token cache.
 * Resources receive it from Clerk and pass it on to the resources they create.
 */
export interface ResourceContext {
  request: FapiRequest
  /** Returns a session token (the raw JWT), from the cache when it is fresh. */
  getToken: (request: TokenRequest) => Promise<string | null>
  /** Forgets cached tokens: one session's, or all when no id is given. */
  clearTokens: (sessionId?: string) => void
  /** Hands Clerk a client that did not come piggybacked (e.g. `DELETE /client/sessions` answers it as `response`). */
  applyClient: (client: ClientJSON | null) => void
}
