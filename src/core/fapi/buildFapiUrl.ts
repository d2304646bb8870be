import type { FapiParams } from './appendSearchParams'
import type { FapiMethod } from './fapiMethod'
import { appendSearchParams } from './appendSearchParams'
import { toWireMethod } from './fapiMethod'

/** Everything that goes into one FAPI request URL. */
export interface BuildFapiUrlOptions {
  /** Versioned base URL from `resolveFapiBaseUrl`, e.g. `https://clerk.example.com/v1`. */
  baseUrl: string
  /** Path below `/v1`, starting with `/` (`/client/sign_ins`). */
  path: string
  /** The logical method; PATCH, PUT and DELETE travel as `_method`. */
  method?: FapiMethod
  /** Per-call search params, sent as written (arrays as repeated keys). */
  query?: FapiParams | object
  apiVersion: string
  clerkJsVersion: string
  /** Active session id; only sent for paths outside `/client` and `/waitlist`. */
  sessionId?: string | null
  /** Development-browser token, sent as `__clerk_db_jwt`. */
  devBrowserToken?: string | null
  /** Set on GET retries after a network failure (informational for the server). */
  retryAttempt?: number
}

// these paths carry their own identity (the client), so a session id would be noise
const SESSIONLESS_PREFIXES = ['/client', '/waitlist']

/** Builds the full URL of a FAPI call, with every query param clerk-js adds (fapi.md 1.2). */
export function buildFapiUrl(options: BuildFapiUrlOptions): string {
  const { baseUrl, method = 'GET', sessionId, devBrowserToken, retryAttempt } = options
  const path = options.path.startsWith('/') ? options.path : `/${options.path}`
  const url = new URL(`${baseUrl}${path}`)
  const params = appendSearchParams(url.searchParams, options.query)
  params.append('__clerk_api_version', options.apiVersion)
  params.append('_clerk_js_version', options.clerkJsVersion)
  if (toWireMethod(method) !== method)
    params.append('_method', method)
  if (sessionId && !SESSIONLESS_PREFIXES.some(prefix => path.startsWith(prefix)))
    params.append('_clerk_session_id', sessionId)
  if (retryAttempt)
    params.append('_clerk_retry_attempt', String(retryAttempt))
  if (devBrowserToken)
    params.append('__clerk_db_jwt', devBrowserToken)
  return url.toString()
}
