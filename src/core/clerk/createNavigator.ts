/** Pushes or replaces an in-app location; receives a path (`/dashboard?x=1#y`), never a full URL. */
export type RouterFn = (to: string) => unknown

/** What `createNavigator` needs. */
export interface NavigatorOptions {
  /** In-app navigation for `push`; without it the page itself navigates. */
  routerPush?: RouterFn
  /** In-app navigation for `replace`; falls back to `routerPush`, then to the page. */
  routerReplace?: RouterFn
  /** The window whose location is used (absent during SSR and in Node). */
  window?: Pick<Window, 'location'>
}

/** Navigates to `to`; resolves when the router (if any) is done. */
export type Navigate = (to: string, options?: { replace?: boolean }) => Promise<unknown>

const SAFE_PROTOCOLS = new Set(['http:', 'https:'])

/**
 * Builds the navigate function Clerk uses for every redirect: same-origin targets go through the
 * app's router when one is injected, anything else (or no router) through `window.location`.
 */
export function createNavigator({ routerPush, routerReplace, window: win }: NavigatorOptions): Navigate {
  return async (to, { replace = false } = {}) => {
    // without a window only relative targets count as in-app: they resolve against a placeholder origin
    const base = win?.location.href ?? 'http://portico.invalid/'
    let url: URL
    try {
      url = new URL(to, base)
    }
    catch {
      return undefined
    }
    // NOTE: never hand `javascript:`/`data:` URLs to the browser: they would run in the page
    if (!SAFE_PROTOCOLS.has(url.protocol))
      return undefined
    const sameOrigin = url.origin === new URL(base).origin
    const router = replace ? (routerReplace ?? routerPush) : routerPush
    if (sameOrigin && router)
      return router(`${url.pathname}${url.search}${url.hash}`)
    if (!win)
      return undefined
    if (replace)
      win.location.replace(url.href)
    else
      win.location.assign(url.href)
    return undefined
  }
}
