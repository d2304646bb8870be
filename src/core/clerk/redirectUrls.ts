/** Redirect-related options of `Clerk` (ClerkJS names). */
export interface RedirectUrlOptions {
  /** Where the sign-in page lives. @default display_config.sign_in_url, else '/sign-in' */
  signInUrl?: string
  /** Where the sign-up page lives. @default display_config.sign_up_url, else '/sign-up' */
  signUpUrl?: string
  /** Where to go after signing out. @default '/' */
  afterSignOutUrl?: string
  /** After sign-in, when no `redirect_url` was passed along. @default '/' */
  signInFallbackRedirectUrl?: string
  /** After sign-up, when no `redirect_url` was passed along. @default '/' */
  signUpFallbackRedirectUrl?: string
  /** After sign-in, always (wins over `redirect_url`). */
  signInForceRedirectUrl?: string
  /** After sign-up, always (wins over `redirect_url`). */
  signUpForceRedirectUrl?: string
}

/** Per-call redirect options of `buildSignInUrl`/`buildSignUpUrl`/`redirectToSignIn` (ClerkJS's `RedirectOptions`). */
export interface RedirectOptions {
  /** Where to come back to after the flow. @default the current page */
  redirectUrl?: string | null
  signInForceRedirectUrl?: string | null
  signInFallbackRedirectUrl?: string | null
  signUpForceRedirectUrl?: string | null
  signUpFallbackRedirectUrl?: string | null
}

/** Everything the builders read: configuration, the current page and the open-redirect guard. */
export interface RedirectContext {
  options: RedirectUrlOptions
  /** The environment's configured pages, used when the options name none. */
  displayConfig?: { signInUrl?: string | null, signUpUrl?: string | null }
  /** The current page (its query may carry `redirect_url` & co.); undefined outside a browser. */
  currentUrl?: URL
  /** True when `url` may be navigated to after an auth flow (allowed origins; no `javascript:`). */
  isAllowed: (url: string) => boolean
}

type Flow = 'signIn' | 'signUp'

const QUERY_KEYS = {
  redirectUrl: 'redirect_url',
  signInForceRedirectUrl: 'sign_in_force_redirect_url',
  signInFallbackRedirectUrl: 'sign_in_fallback_redirect_url',
  signUpForceRedirectUrl: 'sign_up_force_redirect_url',
  signUpFallbackRedirectUrl: 'sign_up_fallback_redirect_url',
} as const satisfies Record<keyof RedirectOptions, string>

// relative targets are resolved against this when there is no page (SSR, Node)
const PLACEHOLDER_ORIGIN = 'http://portico.invalid'

const DEFAULT_PAGES: Record<Flow, string> = { signIn: '/sign-in', signUp: '/sign-up' }

/** Builds the URL of the sign-in or sign-up page, carrying only redirect targets that pass the guard. */
export function buildAuthPageUrl(flow: Flow, ctx: RedirectContext, redirect: RedirectOptions = {}): string {
  const page = ctx.options[`${flow}Url`] ?? ctx.displayConfig?.[`${flow}Url`] ?? DEFAULT_PAGES[flow]
  // a refused redirect_url falls back to the current page, like an absent one
  const wanted = redirect.redirectUrl
  const values: RedirectOptions = {
    ...redirect,
    redirectUrl: wanted && ctx.isAllowed(wanted) ? wanted : ctx.currentUrl?.href,
  }
  const url = new URL(page, ctx.currentUrl ?? PLACEHOLDER_ORIGIN)
  for (const key of Object.keys(QUERY_KEYS) as (keyof RedirectOptions)[]) {
    const value = values[key]
    if (value && ctx.isAllowed(value))
      url.searchParams.set(QUERY_KEYS[key], absolutize(value, ctx.currentUrl))
  }
  return formatLike(page, url)
}

/**
 * Picks where to go after a completed sign-in or sign-up: a force URL, then the `redirect_url`
 * the sign-in page was opened with, then a fallback, then '/'. Candidates failing the guard are skipped.
 */
export function pickAfterAuthUrl(flow: Flow, ctx: RedirectContext, params?: URLSearchParams): string {
  const query = ctx.currentUrl?.searchParams
  const candidates = [
    query?.get(QUERY_KEYS[`${flow}ForceRedirectUrl`]),
    ctx.options[`${flow}ForceRedirectUrl`],
    query?.get(QUERY_KEYS.redirectUrl),
    query?.get(QUERY_KEYS[`${flow}FallbackRedirectUrl`]),
    ctx.options[`${flow}FallbackRedirectUrl`],
  ]
  const chosen = candidates.find((value): value is string => !!value && ctx.isAllowed(value)) ?? '/'
  return appendParams(chosen, params, ctx.currentUrl)
}

/** The configured after-sign-out URL, or '/' when it is missing or fails the guard. */
export function pickAfterSignOutUrl(ctx: RedirectContext): string {
  const configured = ctx.options.afterSignOutUrl
  return configured && ctx.isAllowed(configured) ? configured : '/'
}

function absolutize(value: string, current: URL | undefined): string {
  // the target is read by another page: make it absolute so it survives a change of path
  return current ? new URL(value, current).href : value
}

function appendParams(target: string, params: URLSearchParams | undefined, current: URL | undefined): string {
  if (!params || [...params.keys()].length === 0)
    return target
  const url = new URL(target, current ?? PLACEHOLDER_ORIGIN)
  params.forEach((value, key) => url.searchParams.append(key, value))
  return formatLike(target, url)
}

function formatLike(original: string, url: URL): string {
  // keep relative inputs relative: in-app routers want paths, not absolute URLs
  const isRelative = original.startsWith('/') && !original.startsWith('//')
  return isRelative ? `${url.pathname}${url.search}${url.hash}` : url.href
}
