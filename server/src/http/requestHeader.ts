import type { Context } from 'hono'
import type { IncomingMessage } from 'node:http'
import { parse } from 'hono/utils/cookie'

/** Reads a request header by its lower-case name. */
export type HeaderReader = (name: string) => string | undefined

function nodeRequest(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
}

/** A header of a Node request by its lower-case name; repeated headers read as Node joins them (`Cookie` with `; `). */
export function incomingHeader(incoming: IncomingMessage, name: string): string | undefined {
  const value = incoming.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/**
 * A request header by its lower-case name. Under @hono/node-server it comes from Node's own header
 * object: the first `c.req.header()` makes @hono/node-server build a WHATWG `Headers` from every raw
 * header, a measurable share of the token endpoint's time. In-process requests (`app.request()`) have
 * no Node request and use Hono's.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = nodeRequest(c)
  return incoming ? incomingHeader(incoming, name) : c.req.header(name)
}

/** A cookie from a `Cookie` header, parsed as Hono's `getCookie` does. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  return header ? parse(header, name)[name] : undefined
}

/** A cookie of the request (`cookieValue` of its `Cookie` header). */
export function requestCookie(c: Context, name: string): string | undefined {
  return cookieValue(requestHeader(c, 'cookie'), name)
}
