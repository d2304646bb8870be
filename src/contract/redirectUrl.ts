/** Where redirects may go besides relative paths. */
export interface RedirectUrlOptions {
  /**
   * Allowed origins: exact (`https://app.example.com`, `http://localhost:5173`) or with one wildcard label
   * (`https://*.example.com`; a bare `*.example.com` means https). Entries that do not parse are ignored.
   * @default []
   */
  allowedOrigins?: readonly string[]
  /** The origin the app runs on (`location.origin` in the browser, the configured public origin on the server). */
  currentOrigin?: string
}

// C0 controls, space, DEL and everything beyond ASCII: none belongs in a raw redirect URL
// (browser-produced hrefs are percent-encoded, and look-alikes such as U+3002 fold into dots when parsed)
// eslint-disable-next-line no-control-regex
const UNSAFE_RAW = /[\u0000-\u0020\u007F-\uFFFF]/
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/
const ABSOLUTE = /^https?:\/\/([^/?#]*)/i
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/
// any base works for resolving relative paths: only "did the origin change" matters
const PLACEHOLDER_ORIGIN = 'https://portico.invalid'

interface OriginPattern {
  protocol: string
  port: string
  /** Exact hostname, or the suffix after `*.` for a wildcard. */
  host: string
  wildcard: boolean
}

function parseUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base)
  }
  catch {
    return null
  }
}

function toPattern(entry: string): OriginPattern | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ? entry : `https://${entry}`
  const wildcard = /^[a-z]+:\/\/\*\./i.test(withScheme)
  const url = parseUrl(wildcard ? withScheme.replace('*.', 'wildcard.') : withScheme)
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname.endsWith('.'))
    return null
  const host = wildcard ? url.hostname.slice('wildcard.'.length) : url.hostname
  return { protocol: url.protocol, port: url.port, host, wildcard }
}

function matchesPattern(url: URL, pattern: OriginPattern): boolean {
  if (url.protocol !== pattern.protocol || url.port !== pattern.port)
    return false
  if (!pattern.wildcard)
    return url.hostname === pattern.host
  // exactly one extra label, on a dot boundary: `a.example.com`, never `evilexample.com` or `a.b.example.com`
  const suffix = `.${pattern.host}`
  if (!url.hostname.endsWith(suffix))
    return false
  return LABEL.test(url.hostname.slice(0, -suffix.length))
}

function isSafeRelativePath(raw: string, decoded: string, origin: string): boolean {
  // exactly one leading slash, before and after decoding (`//evil`, `/\evil`, `/%2F/evil`, `%2F%2Fevil`)
  if (raw[1] === '/' || decoded[1] === '/' || decoded[1] === '\\')
    return false
  // dot segments can fold `/..//evil.com` into the path `//evil.com`, which a later `location = path` would follow
  return [parseUrl(raw, origin), parseUrl(decoded, origin)]
    .every(resolved => resolved?.origin === origin && !resolved.pathname.startsWith('//'))
}

function isAllowedAbsoluteUrl(raw: string, decoded: string, options: RedirectUrlOptions, currentOrigin: string | null): boolean {
  const authority = ABSOLUTE.exec(raw)?.[1]
  const url = parseUrl(raw)
  if (authority === undefined || !url)
    return false
  // the host as written must be the host as parsed: rules out userinfo, escapes, default ports, `https:evil`
  if (authority.toLowerCase() !== url.host || url.username || url.password || url.hostname.endsWith('.'))
    return false
  // decoding once must not move the target somewhere else
  if (parseUrl(decoded)?.origin !== url.origin)
    return false
  if (currentOrigin !== null && url.origin === currentOrigin)
    return true
  for (const entry of options.allowedOrigins ?? []) {
    const pattern = toPattern(entry)
    if (pattern && matchesPattern(url, pattern))
      return true
  }
  return false
}

/**
 * Decides whether a redirect target is safe (security.md RD-1): a relative path with exactly one leading
 * `/`, or an absolute http(s) URL whose origin is the current origin or an allowed one. Anything doubtful
 * (userinfo, control characters, backslashes, non-ASCII, trailing-dot hosts, other schemes) is refused.
 * The server answers a refusal with `400 invalid_redirect_url`; the SDK never navigates there.
 *
 * @example
 * isAllowedRedirectUrl('/dashboard', { currentOrigin: 'https://app.example.com' }) // true
 * isAllowedRedirectUrl('//evil.com', { currentOrigin: 'https://app.example.com' }) // false
 */
export function isAllowedRedirectUrl(url: string, options: RedirectUrlOptions = {}): boolean {
  if (typeof url !== 'string' || url.length === 0 || UNSAFE_RAW.test(url) || url.includes('\\'))
    return false
  let decoded: string
  try {
    decoded = decodeURIComponent(url)
  }
  catch {
    return false
  }
  if (CONTROL.test(decoded) || decoded.includes('\\'))
    return false
  const current = options.currentOrigin ? parseUrl(options.currentOrigin) : null
  const currentOrigin = current && (current.protocol === 'https:' || current.protocol === 'http:') ? current.origin : null
  if (url.startsWith('/'))
    return isSafeRelativePath(url, decoded, currentOrigin ?? PLACEHOLDER_ORIGIN)
  return isAllowedAbsoluteUrl(url, decoded, options, currentOrigin)
}
