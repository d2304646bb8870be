import type { Clerk } from '../../types'

/** Redirect props of `<SignIn>`/`<SignUp>` (Clerk's names). */
export interface AfterAuthRedirectProps {
  /** Always go here after the flow completes (wins over `redirect_url`). */
  forceRedirectUrl?: string
  /** Go here after the flow completes when the page was opened without a `redirect_url`. */
  fallbackRedirectUrl?: string
}

type Flow = 'signIn' | 'signUp'

const PLACEHOLDER = 'http://portico.invalid'

function incomingRedirect(): string | null {
  return typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('redirect_url')
}

/**
 * Where to go once a sign-in or sign-up completes: the component's force URL, else what the Clerk
 * object picks (force options, the page's `redirect_url`, fallback options), with the component's
 * fallback URL in place of the final default '/'.
 */
export function afterAuthUrl(clerk: Clerk, flow: Flow, props: AfterAuthRedirectProps): string {
  const { forceRedirectUrl, fallbackRedirectUrl } = props
  if (forceRedirectUrl && clerk.isAllowedRedirectUrl(forceRedirectUrl))
    return forceRedirectUrl
  const picked = flow === 'signIn' ? clerk.buildAfterSignInUrl() : clerk.buildAfterSignUpUrl()
  if (picked === '/' && fallbackRedirectUrl && clerk.isAllowedRedirectUrl(fallbackRedirectUrl))
    return fallbackRedirectUrl
  return picked
}

/**
 * The link to the other auth page (sign-in <-> sign-up): `explicit` or the configured page, carrying
 * on the `redirect_url` this page was opened with (and none otherwise, so the user is not sent back
 * to the page they are leaving).
 */
export function authPageUrl(clerk: Clerk, flow: Flow, explicit?: string): string {
  const incoming = incomingRedirect()
  const safeIncoming = incoming && clerk.isAllowedRedirectUrl(incoming) ? incoming : null
  if (explicit) {
    if (!safeIncoming)
      return explicit
    const url = new URL(explicit, PLACEHOLDER)
    url.searchParams.set('redirect_url', safeIncoming)
    return format(explicit, url)
  }
  const built = flow === 'signIn' ? clerk.buildSignInUrl() : clerk.buildSignUpUrl()
  const url = new URL(built, PLACEHOLDER)
  if (safeIncoming)
    url.searchParams.set('redirect_url', safeIncoming)
  else
    url.searchParams.delete('redirect_url')
  return format(built, url)
}

function format(original: string, url: URL): string {
  return original.startsWith('/') && !original.startsWith('//') ? `${url.pathname}${url.search}${url.hash}` : url.href
}
