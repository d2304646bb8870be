/** Where the Frontend API lives; the first of `proxyUrl`, `domain` (production) and the key's host wins. */
export interface ResolveFapiBaseUrlOptions {
  /** Absolute (`http://localhost:4000`) or relative (`/__clerk`) proxy URL. */
  proxyUrl?: string
  /** Satellite domain; honoured for production instances only, as clerk-js does. */
  domain?: string
  /** Whether the publishable key is `pk_live_`. */
  isProduction?: boolean
  /** Frontend API host decoded from the publishable key. */
  frontendApi?: string
  /** Origin a relative `proxyUrl` is resolved against; defaults to `window.location.origin`. */
  baseOrigin?: string
}

/** FAPI paths are always versioned under this prefix. */
export const FAPI_PATH_PREFIX = '/v1'

/**
 * Resolves the versioned FAPI base URL (no trailing slash), per fapi.md 1.1:
 * `proxyUrl` keeps its scheme and path (`http://localhost:4000/__clerk` -> `.../__clerk/v1`);
 * otherwise the host is always reached over https.
 */
export function resolveFapiBaseUrl(options: ResolveFapiBaseUrlOptions): string {
  const { proxyUrl, domain, isProduction, frontendApi } = options
  if (proxyUrl) {
    const url = new URL(proxyUrl, isAbsolute(proxyUrl) ? undefined : requireBaseOrigin(options.baseOrigin))
    const path = url.pathname.replace(/\/+$/, '')
    return `${url.origin}${path}${FAPI_PATH_PREFIX}`
  }
  if (domain && isProduction)
    return `https://${stripScheme(domain)}${FAPI_PATH_PREFIX}`
  if (frontendApi)
    return `https://${frontendApi}${FAPI_PATH_PREFIX}`
  // eslint-disable-next-line node/prefer-global/process
  throw new Error(process.env.NODE_ENV !== 'production' ? '[portico] The Frontend API URL is unknown: pass a publishableKey or a proxyUrl.' : '[portico] no-frontend-api')
}

function isAbsolute(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url)
}

function stripScheme(domain: string): string {
  return domain.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '')
}

function requireBaseOrigin(baseOrigin: string | undefined): string {
  const origin = baseOrigin ?? (typeof location !== 'undefined' ? location.origin : undefined)
  if (!origin || origin === 'null')
    // eslint-disable-next-line node/prefer-global/process
    throw new Error(process.env.NODE_ENV !== 'production' ? '[portico] A relative proxyUrl needs an origin: pass baseOrigin outside the browser.' : '[portico] relative-proxy-url')
  return origin
}
