import type { RequestListener } from 'node:http'
import type { CreateAppOptions } from './app'
import { getRequestListener } from '@hono/node-server'
import { assembleApp } from './app'
import { withTokenFastPath } from './http/tokenFastPath'

/** Options of the Node adapter itself. */
export interface NodeListenerOptions {
  /** The host a request without a `Host` header (HTTP/1.0 probes) is taken to name. */
  hostname?: string
}

/**
 * The app as a Node request listener, for `http.createServer`: @hono/node-server's adapter around
 * `createApp`, with the token endpoint's common case served by `withTokenFastPath` under the same rules.
 *
 * @example
 * createServer(createNodeListener({ db, config }, { hostname: '127.0.0.1' })).listen(4000)
 */
export function createNodeListener(options: CreateAppOptions, { hostname }: NodeListenerOptions = {}): RequestListener {
  const { app, deps } = assembleApp(options)
  return withTokenFastPath(deps, getRequestListener(app.fetch, { hostname }))
}
