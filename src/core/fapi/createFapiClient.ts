import type { FapiWireResponse } from './createFapiSender'
import type { FapiContract, FapiContractOutput } from './fapiContract'
import type { FapiMethod } from './fapiMethod'
import type { FapiClient, FapiClientOptions, FapiRequestOptions, FapiResult, FapiUrlOptions } from './fapiTypes'
import { isDevelopmentFrontendApi, parsePublishableKey } from '../../contract'
import { buildFapiUrl } from './buildFapiUrl'
import { createDevBrowserToken } from './createDevBrowserToken'
import { createFapiSender, isFapiNetworkError } from './createFapiSender'
import { createDevBrowser } from './devBrowser'
import { encodeFormBody } from './encodeFormBody'
import { toWireMethod } from './fapiMethod'
import { DEFAULT_CLERK_JS_VERSION, DEFAULT_FAPI_API_VERSION } from './fapiVersions'
import { readContract } from './readContract'
import { readPiggybackedClient, unwrapResponse } from './readFapiPayload'
import { resolveFapiBaseUrl } from './resolveFapiBaseUrl'
import { retryOnNetworkError } from './retryOnNetworkError'
import { toClerkAPIResponseError } from './toClerkAPIResponseError'

/**
 * Creates the Frontend API transport of one Clerk instance: URL and query rules, form bodies,
 * `_method` override, the development browser, network retries for GETs, answers read by their
 * contract (`readContract`), client piggybacking and error mapping (fapi.md section 1).
 *
 * @example
 * const fapi = createFapiClient({ publishableKey, onClient: json => clerk.updateClient(json) })
 * const { response: signIn } = await fapi.request({
 *   path: '/client/sign_ins',
 *   method: 'POST',
 *   body: { identifier, password },
 *   contract: 'signIn',
 * })
 */
export function createFapiClient(options: FapiClientOptions): FapiClient {
  const key = options.publishableKey ? parsePublishableKey(options.publishableKey) : undefined
  const baseUrl = resolveFapiBaseUrl({
    proxyUrl: options.proxyUrl,
    domain: options.domain,
    baseOrigin: options.baseOrigin,
    isProduction: key?.instanceType === 'production',
    frontendApi: key?.frontendApi,
  })
  const devBrowserEnabled = options.devBrowser
    ?? (key?.instanceType === 'development' && isDevelopmentFrontendApi(key.frontendApi))
  const versions = {
    apiVersion: options.apiVersion ?? DEFAULT_FAPI_API_VERSION,
    clerkJsVersion: options.clerkJsVersion ?? DEFAULT_CLERK_JS_VERSION,
  }
  const send = createFapiSender(options.fetch, options.timeout)
  const devBrowser = createDevBrowser(
    () => createDevBrowserToken(send, buildFapiUrl({ ...versions, baseUrl, path: '/dev_browser', method: 'POST' })),
    options.devBrowserStore,
  )

  function sessionIdFor(sessionId: string | null | undefined): string | null | undefined {
    return sessionId === undefined ? options.getSessionId?.() : sessionId
  }

  async function sendOnce<C extends FapiContract>(request: FapiRequestOptions<C>, method: FapiMethod, token: string | undefined): Promise<FapiWireResponse> {
    const wireMethod = toWireMethod(method)
    const body = wireMethod === 'GET' ? undefined : request.body instanceof FormData ? request.body : encodeFormBody(request.body)
    const maxTries = wireMethod === 'GET' ? (request.maxTries ?? options.retry?.maxTries) : 1
    const response = await retryOnNetworkError(retryAttempt => send({
      url: buildFapiUrl({
        ...versions,
        baseUrl,
        path: request.path,
        method,
        query: request.query,
        sessionId: sessionIdFor(request.sessionId),
        devBrowserToken: token,
        retryAttempt,
      }),
      method: wireMethod,
      body,
      credentials: 'include',
      signal: request.signal,
    }), { ...options.retry, maxTries, isNetworkError: isFapiNetworkError, signal: request.signal })
    const rotated = devBrowserEnabled ? response.headers.get('clerk-db-jwt') : null
    if (rotated)
      devBrowser.setToken(rotated)
    return response
  }

  async function request<C extends FapiContract>(request: FapiRequestOptions<C>): Promise<FapiResult<FapiContractOutput<C>>> {
    const method = request.method ?? 'GET'
    let token = devBrowserEnabled ? await devBrowser.ensure() : undefined
    let response = await sendOnce(request, method, token)
    // the server lost this dev browser (e.g. its database was reset): make a new one and try again, once
    if (devBrowserEnabled && response.status === 401 && firstErrorCode(response.payload) === 'dev_browser_unauthenticated') {
      token = await devBrowser.refresh(token)
      response = await sendOnce(request, method, token)
    }
    options.onResponse?.({ method, path: request.path, status: response.status, headers: response.headers })

    const client = readPiggybackedClient(response.payload)
    const updateClient = request.updateClient ?? method !== 'GET'
    if (response.status >= 400) {
      if (updateClient && client !== undefined)
        options.onClient?.(client)
      throw toClerkAPIResponseError(response)
    }
    const name = request.name ?? `${method} ${request.path}`
    // 204 has no body to read: the contract decides whether "nothing" is acceptable
    const parsed = readContract(request.contract, unwrapResponse(response.status === 204 ? undefined : response.payload), name)
    if (updateClient && client !== undefined)
      options.onClient?.(client)
    return { response: parsed, client, status: response.status, headers: response.headers }
  }

  return {
    baseUrl,
    instanceType: key?.instanceType,
    devBrowserEnabled,
    request,
    buildUrl: ({ path, method, query, sessionId }: FapiUrlOptions) => buildFapiUrl({
      ...versions,
      baseUrl,
      path,
      method,
      query,
      sessionId: sessionIdFor(sessionId),
      devBrowserToken: devBrowserEnabled ? devBrowser.getToken() : undefined,
    }),
    getDevBrowserToken: devBrowser.getToken,
    setDevBrowserToken: devBrowser.setToken,
    setupDevBrowser: async () => devBrowserEnabled ? devBrowser.ensure() : undefined,
  }
}

function firstErrorCode(payload: unknown): unknown {
  const errors = typeof payload === 'object' && payload !== null ? (payload as { errors?: unknown }).errors : undefined
  return Array.isArray(errors) ? (errors[0] as { code?: unknown } | undefined)?.code : undefined
}
