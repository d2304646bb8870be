export { appendSearchParams } from './appendSearchParams'
export type { FapiParams, FapiParamValue } from './appendSearchParams'
export { buildFapiUrl } from './buildFapiUrl'
export type { BuildFapiUrlOptions } from './buildFapiUrl'
export { createFapiClient } from './createFapiClient'
export { createDevBrowser } from './devBrowser'
export type { DevBrowser, DevBrowserStore } from './devBrowser'
export { encodeFormBody } from './encodeFormBody'
export type { FapiContract, FapiContractName, FapiContractOutput, FapiContracts } from './fapiContract'
export { toWireMethod } from './fapiMethod'
export type { FapiMethod } from './fapiMethod'
export type {
  ClientJSON,
  FapiCallOptions,
  FapiClient,
  FapiClientOptions,
  FapiRequestOptions,
  FapiResponseInfo,
  FapiResult,
  FapiUrlOptions,
} from './fapiTypes'
export { DEFAULT_CLERK_JS_VERSION, DEFAULT_FAPI_API_VERSION } from './fapiVersions'
export { camelToSnake, snakeToCamel } from './keyCase'
export { readContract } from './readContract'
export { FAPI_PATH_PREFIX, resolveFapiBaseUrl } from './resolveFapiBaseUrl'
export type { ResolveFapiBaseUrlOptions } from './resolveFapiBaseUrl'
export { DEFAULT_NETWORK_RETRY, networkRetryDelay } from './retryOnNetworkError'
export type { NetworkRetryOptions } from './retryOnNetworkError'
