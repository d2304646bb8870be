import type { Context } from 'hono'
import type { IncomingMessage } from 'node:http'
import { parse } from 'hono/utils/cookie'

function nodeRequest(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
}

/**
 * A request header by its lower-case name. Under @hono/node-server it comes from Node's own header
 * object: the first `c.req.header()` makes @hono/node-server build a WHATWG `Headers` from every raw
 * header, a measurable share of the token endpoint's time. In-process requests (`app.request()`) have
 * no Node request and use Hono's. Repeated headers read as Node joins them (`Cookie` with `; `).
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = nodeRequest(c)
  if (!incoming)
    return c.req.header(name)
  const value = incoming.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** A cookie of the request, parsed as Hono's `getCookie` does, from `requestHeader`. */
export function requestCookie(c: Context, name: string): string | undefined {
  const header = requestHeader(c, 'cookie')
  return header ? parse(header, name)[name] : undefined
}
