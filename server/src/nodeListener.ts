import type { RequestListener } from 'node:http'
import type { CreateAppOptions } from './app'
import { getRequestListener } from '@hono/node-server'
import { assembleApp } from './app'
import { withTokenFastPath } from './http/tokenFastPath'

/**
 * The app as a Node request listener, for `http.createServer`: @hono/node-server's adapter around
 * `createApp`, with the token endpoint's common case served by `withTokenFastPath` under the same rules.
 *
 * @example
 * createServer(createNodeListener({ db, config })).listen(4000)
 */
export function createNodeListener(options: CreateAppOptions): RequestListener {
  const { app, deps } = assembleApp(options)
  return withTokenFastPath(deps, getRequestListener(app.fetch))
}
