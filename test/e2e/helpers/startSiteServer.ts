import type { IncomingMessage, ServerResponse } from 'node:http'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, request } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { getFreePort } from './getFreePort'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
}

export interface SiteServerOptions {
  /** URL prefix -> folder on disk, e.g. `{ '/assets/clerk-js/dist/': 'node_modules/@clerk/clerk-js/dist' }`. */
  static?: Record<string, string>
  /** In-memory pages, e.g. `{ '/': '<!doctype html>...' }`. */
  pages?: Record<string, string>
  /** Same-origin proxy: requests under `prefix` go to `target` with the prefix stripped. */
  proxy?: { prefix: string, target: string }
  /** A port chosen beforehand (e.g. so a server's origin allow-list can name it); free one by default. */
  port?: number
}

export interface SiteServerHandle {
  url: string
  stop: () => Promise<void>
}

/** A small web server for browser tests: static folders, inline pages and a same-origin API proxy. */
export async function startSiteServer(options: SiteServerOptions): Promise<SiteServerHandle> {
  const port = options.port ?? await getFreePort()
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (options.proxy && url.pathname.startsWith(options.proxy.prefix))
      return forward(req, res, options.proxy.target, url.pathname.slice(options.proxy.prefix.length) + url.search)
    const page = options.pages?.[url.pathname]
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': types['.html'] })
      return res.end(page)
    }
    for (const [prefix, folder] of Object.entries(options.static ?? {})) {
      if (!url.pathname.startsWith(prefix))
        continue
      const root = resolve(folder)
      const file = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))))
      if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
        return createReadStream(file).pipe(res)
      }
    }
    res.writeHead(404).end('not found')
  })
  await new Promise<void>(done => server.listen(port, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((done) => {
      server.closeAllConnections()
      server.close(() => done())
    }),
  }
}

function forward(req: IncomingMessage, res: ServerResponse, target: string, path: string): void {
  const upstream = request(new URL(path || '/', target), { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers)
    answer.pipe(res)
  })
  upstream.on('error', () => res.writeHead(502).end('upstream unavailable'))
  req.pipe(upstream)
}
