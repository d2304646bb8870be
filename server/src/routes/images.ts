import type { AppEnv } from '../appEnv'
import type { Deps } from '../deps'
import { Hono } from 'hono'
import { notFound } from '../errors/fapiError'

// an image id names bytes that never change: a new upload gets a new id
const CACHE_FOREVER = 'public, max-age=31536000, immutable'

/**
 * `GET /v1/images/:id`: the uploaded logos and profile images that `image_url` points to, public like
 * Clerk's image host. Served with the type found in their bytes, `nosniff`, a sandboxing CSP (opened on
 * its own, an image can run nothing), an ETag and a year of caching.
 */
export function imageRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/images/:id', async (c) => {
      const row = await deps.db.kysely.selectFrom('images').select(['content_type', 'bytes', 'byte_size', 'sha256']).where('id', '=', c.req.param('id')).executeTakeFirst()
      if (!row)
        throw notFound()
      const etag = `"${row.sha256}"`
      const headers = {
        'ETag': etag,
        'Cache-Control': CACHE_FOREVER,
        'Content-Security-Policy': 'default-src \'none\'; sandbox',
        'Cross-Origin-Resource-Policy': 'cross-origin',
      }
      const match = c.req.header('if-none-match')
      if (match && match.split(',').some(tag => tag.trim().replace(/^W\//, '') === etag))
        return c.body(null, 304, headers)
      const bytes = new Uint8Array(row.bytes)
      return c.body(bytes, 200, { ...headers, 'Content-Type': row.content_type, 'Content-Length': String(bytes.byteLength) })
    })
}
