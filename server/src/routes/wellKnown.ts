import type { AppEnv } from '../appEnv'
import type { Deps } from '../deps'
import { Hono } from 'hono'

/** `GET /.well-known/jwks.json`: the public keys that verify session tokens (cacheable for a few minutes). */
export function wellKnownRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/jwks.json', async (c) => {
    c.header('Cache-Control', 'public, max-age=300')
    return c.json(await deps.tokens.jwks())
  })
}
