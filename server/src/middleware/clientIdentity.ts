import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../appEnv'
import type { PorticoConfig } from '../config'
import { cookieValue, requestHeader } from '../http/requestHeader'

/** The HttpOnly cookie that names a browser's client in production (fapi.md 5.3). */
export const CLIENT_COOKIE = '__client'
/** The query parameter that carries the dev-browser token in development (fapi.md 5.5). */
export const DEV_BROWSER_PARAM = '__clerk_db_jwt'

/** How a request names its client, before any lookup. */
export type ClientCredential
  = | { kind: 'cookie', clientId: string, secret: string }
    | { kind: 'devBrowser', token: string }

/** Parses a `__client` cookie value (`<client id>.<secret>`). */
export function parseClientCookie(value: string | undefined): ClientCredential | null {
  if (!value)
    return null
  const dot = value.indexOf('.')
  if (dot <= 0 || dot === value.length - 1 || value.length > 200)
    return null
  return { kind: 'cookie', clientId: value.slice(0, dot), secret: value.slice(dot + 1) }
}

/**
 * Reads the client credential: in development the `__clerk_db_jwt` dev-browser token when present,
 * otherwise (and always in production) the `__client` cookie. Nothing is looked up here: routes that
 * need the client load it, and the token route reads client and session in one query.
 */
export function credentialOf(config: PorticoConfig, query: (name: string) => string | undefined, cookieHeader: string | undefined): ClientCredential | null {
  const devToken = config.instanceType === 'development' ? query(DEV_BROWSER_PARAM) : undefined
  return devToken ? { kind: 'devBrowser', token: devToken } : parseClientCookie(cookieValue(cookieHeader, CLIENT_COOKIE))
}

/** Sets `c.var.credential` (`credentialOf`). */
export function clientIdentity(config: PorticoConfig): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    c.set('credential', credentialOf(config, name => c.req.query(name), requestHeader(c, 'cookie')))
    return next()
  }
}
