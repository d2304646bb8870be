import type { ClientJSON } from '../../contract'
import type { FapiParams } from './appendSearchParams'
import type { DevBrowserStore } from './devBrowser'
import type { FapiContract, FapiContractOutput } from './fapiContract'
import type { FapiMethod } from './fapiMethod'
import type { NetworkRetryOptions } from './retryOnNetworkError'

/** The piggybacked client, as parsed by the contract's `clientSchema`. */
export type { ClientJSON }

/** What every response tells the `onResponse` hook, before its body is interpreted. */
export interface FapiResponseInfo {
  method: FapiMethod
  path: string
  status: number
  /** Response headers, e.g. `x-country` for phone inputs. */
  headers: Headers
}

/** Options of `createFapiClient`; one client per Clerk instance. */
export interface FapiClientOptions {
  /** `pk_test_…` / `pk_live_…`; gives the FAPI host and the instance type. */
  publishableKey?: string
  /** Absolute (`http://localhost:4000`) or relative (`/__clerk`) FAPI proxy; wins over the key's host. */
  proxyUrl?: string
  /** Satellite domain, used for production keys without a proxy. */
  domain?: string
  /**
   * Origin a relative `proxyUrl` is resolved against.
   * @default window.location.origin
   */
  baseOrigin?: string
  /**
   * The fetch implementation; tests pass a Hono app's `fetch`.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch
  /** The active session id, sent as `_clerk_session_id` outside `/client` and `/waitlist`. */
  getSessionId?: () => string | null | undefined
  /**
   * Sent as `_clerk_js_version` on every call.
   * @default DEFAULT_CLERK_JS_VERSION
   */
  clerkJsVersion?: string
  /**
   * Sent as `__clerk_api_version` on every call.
   * @default DEFAULT_FAPI_API_VERSION
   */
  apiVersion?: string
  /** Receives the piggybacked client (`client` or `meta.client`) after mutating requests; `null` when the server sent `client: null`. */
  onClient?: (client: ClientJSON | null) => void
  /** Sees the status and headers of every answered call (the final answer, after any dev-browser retry). */
  onResponse?: (info: FapiResponseInfo) => void
  /**
   * Whether to run the development-browser flow (`__clerk_db_jwt`).
   * @default true for a `pk_test_` key whose host has a Clerk dev suffix
   */
  devBrowser?: boolean
  /** Where the dev-browser token lives (e.g. cookies); in memory when omitted. */
  devBrowserStore?: DevBrowserStore
  /** Network-failure retries of GET requests. */
  retry?: NetworkRetryOptions
  /** Per-try timeout in ms; a timed-out try counts as a network failure. No timeout by default. */
  timeout?: number
}

/** One FAPI call; `contract` describes the `response` object (or the bare body). */
export interface FapiRequestOptions<C extends FapiContract> extends FapiCallOptions {
  /**
   * What the payload's `response` (or the whole body, when it is bare) must be: `signIn`,
   * `client?` (or null), `organizationInvitation[]`, `organizationMembership[page]`, `unknown`, `none`.
   * A name, not a schema: see `readContract`.
   */
  contract: C
}

/** The options of a FAPI call other than how its answer is read. */
export interface FapiCallOptions {
  /** Path below `/v1`, e.g. `/client/sign_ins`. */
  path: string
  /**
   * The logical method; PATCH/PUT/DELETE travel as POST with `_method`.
   * @default 'GET'
   */
  method?: FapiMethod
  /**
   * Form fields (top-level keys camelCase -> snake_case; any params object, interfaces included),
   * or `FormData` for file uploads. Ignored on GET.
   */
  body?: FapiParams | FormData | object
  /** Search params, sent as written (snake_case); arrays become repeated keys. */
  query?: FapiParams | object
  /**
   * Names the object in contract errors.
   * @default '<METHOD> <path>'
   */
  name?: string
  /**
   * Hand the piggybacked client to `onClient`.
   * @default true except for GET
   */
  updateClient?: boolean
  /**
   * The session this call acts for; `null` sends none.
   * @default options.getSessionId()
   */
  sessionId?: string | null
  /**
   * Total tries on network failure (GET only; other methods always try once).
   * @default retry.maxTries
   */
  maxTries?: number
  /** Aborts the call and any backoff wait. */
  signal?: AbortSignal
}

/** A parsed FAPI answer. */
export interface FapiResult<T> {
  /** The payload's `response` (or the bare body), read by the request's contract. */
  response: T
  /** The piggybacked client, parsed; `undefined` when the payload carried none. */
  client: ClientJSON | null | undefined
  status: number
  headers: Headers
}

/** Options of `FapiClient.buildUrl`. */
export interface FapiUrlOptions {
  path: string
  method?: FapiMethod
  query?: FapiParams | object
  /** @default options.getSessionId() */
  sessionId?: string | null
}

/** The transport of one Clerk instance: the only code that talks to the Frontend API. */
export interface FapiClient {
  /** Versioned base URL, e.g. `https://clerk.example.com/v1`. */
  readonly baseUrl: string
  /** From the publishable key's prefix; undefined without a key. */
  readonly instanceType: 'development' | 'production' | undefined
  /** Whether the development-browser flow runs. */
  readonly devBrowserEnabled: boolean
  /** Sends one call and parses its answer; throws `ClerkAPIResponseError`, `ClerkOfflineError` or `ClerkContractError`. */
  request: <C extends FapiContract>(options: FapiRequestOptions<C>) => Promise<FapiResult<FapiContractOutput<C>>>
  /** The full URL of a call, with the fixed params and the current dev-browser token (for navigations). */
  buildUrl: (options: FapiUrlOptions) => string
  /** The current dev-browser token, if any. */
  getDevBrowserToken: () => string | undefined
  /** Replaces (or with `null` clears) the dev-browser token, e.g. one read from the page URL. */
  setDevBrowserToken: (token: string | null) => void
  /** Creates the dev-browser token if needed and returns it; undefined when the flow is off. */
  setupDevBrowser: () => Promise<string | undefined>
}
