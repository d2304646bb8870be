import { isAllowedRedirectUrl } from '../../contract'

/** Origins redirects may go to besides the app's own: exact or `https://*.example.com` strings, or RegExps tested against the origin. */
export type AllowedRedirectOrigins = readonly (string | RegExp)[]

/**
 * Builds the open-redirect guard for one Clerk instance, on top of the contract's `isAllowedRedirectUrl`
 * (which rejects `javascript:`, `//evil.com`, userinfo tricks, backslashes, ...). A RegExp entry
 * allows an origin it matches, but the URL still has to pass every other check.
 */
export function createRedirectGuard(allowed: AllowedRedirectOrigins, getCurrentOrigin: () => string | undefined): (url: string) => boolean {
  const strings = allowed.filter((entry): entry is string => typeof entry === 'string')
  const patterns = allowed.filter((entry): entry is RegExp => entry instanceof RegExp)
  return (url) => {
    const currentOrigin = getCurrentOrigin()
    if (isAllowedRedirectUrl(url, { allowedOrigins: strings, currentOrigin }))
      return true
    const origin = originOf(url)
    if (!origin || !patterns.some(pattern => testPattern(pattern, origin)))
      return false
    // the RegExp vouches for the origin; the contract still checks everything else about the URL
    return isAllowedRedirectUrl(url, { currentOrigin: origin })
  }
}

function originOf(url: string): string | null {
  if (!/^https?:\/\//i.test(url))
    return null
  try {
    return new URL(url).origin
  }
  catch {
    return null
  }
}

function testPattern(pattern: RegExp, origin: string): boolean {
  // a global/sticky RegExp keeps state between calls: reset it so the answer does not alternate
  pattern.lastIndex = 0
  return pattern.test(origin)
}
