import { decodeBase64, encodeBase64 } from './base64'

/** Which kind of instance a key belongs to: `pk_test_` keys are development, `pk_live_` keys production. */
export type InstanceType = 'development' | 'production'

/** What a publishable key says: the instance type and the Frontend API host (fapi.md 5.6). */
export interface PublishableKey {
  instanceType: InstanceType
  frontendApi: string
}

const PREFIXES: Record<string, InstanceType> = { test: 'development', live: 'production' }

// Frontend API hosts that switch clerk-js into the development-browser handshake (fapi.md 5.5)
const DEV_SUFFIXES = [
  '.lcl.dev',
  '.stg.dev',
  '.lclstage.dev',
  '.stgstage.dev',
  '.dev.lclclerk.com',
  '.stg.lclclerk.com',
  '.accounts.lclclerk.com',
  'accountsstage.dev',
  '.accounts.dev',
  '.accountsstage.dev',
]

// a host name with an optional port; no scheme, path, userinfo or whitespace
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/i

function invalid(key: string, reason: string): Error {
  return new Error(`[portico] Invalid publishable key "${key}": ${reason}`)
}

function checkFrontendApi(frontendApi: string): string | null {
  if (!frontendApi.includes('.'))
    return `the Frontend API host "${frontendApi}" has no dot`
  if (!HOST.test(frontendApi))
    return `the Frontend API host "${frontendApi}" is not a valid host name`
  return null
}

/**
 * Decodes `pk_test_…` / `pk_live_…` into the instance type and the Frontend API host, with an error that
 * says what is wrong otherwise.
 *
 * @example
 * parsePublishableKey('pk_test_Y2xlcmsuZXhhbXBsZS5jb20k') // { instanceType: 'development', frontendApi: 'clerk.example.com' }
 */
export function parsePublishableKey(key: string): PublishableKey {
  if (typeof key !== 'string' || key.length === 0)
    throw invalid(String(key), 'expected a non-empty string starting with pk_test_ or pk_live_')
  const parts = key.split('_')
  if (parts.length !== 3)
    throw invalid(key, `expected three parts separated by "_", got ${parts.length}`)
  const [pk, kind, encoded] = parts as [string, string, string]
  const instanceType = PREFIXES[kind]
  if (pk !== 'pk' || !instanceType)
    throw invalid(key, 'expected it to start with pk_test_ or pk_live_')
  if (!encoded)
    throw invalid(key, 'the encoded Frontend API is empty')
  let decoded: string
  try {
    decoded = decodeBase64(encoded, 'base64')
  }
  catch {
    throw invalid(key, 'the part after the prefix is not base64')
  }
  if (!decoded.endsWith('$') || decoded.indexOf('$') !== decoded.length - 1)
    throw invalid(key, 'the decoded value must end with exactly one "$"')
  const frontendApi = decoded.slice(0, -1)
  const problem = checkFrontendApi(frontendApi)
  if (problem)
    throw invalid(key, problem)
  return { instanceType, frontendApi }
}

/**
 * Encodes a Frontend API host as a publishable key (standard base64 of `host$`, padding stripped).
 *
 * @example
 * buildPublishableKey('clerk.localhost', 'production') // 'pk_live_Y2xlcmsubG9jYWxob3N0JA'
 */
export function buildPublishableKey(frontendApi: string, instanceType: InstanceType): string {
  const problem = checkFrontendApi(frontendApi)
  if (problem)
    throw new Error(`[portico] Cannot build a publishable key: ${problem}`)
  const prefix = instanceType === 'production' ? 'pk_live_' : 'pk_test_'
  return prefix + encodeBase64(`${frontendApi}$`, 'base64').replace(/=+$/, '')
}

/** True when a Frontend API host ends with one of the development suffixes that turn on the dev-browser flow. */
export function isDevelopmentFrontendApi(host: string): boolean {
  const hostname = host.trim().toLowerCase().replace(/:\d+$/, '')
  return DEV_SUFFIXES.some(suffix => hostname.endsWith(suffix))
}
