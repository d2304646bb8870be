import type { AddressInfo } from 'node:net'
import type { PorticoConfig } from './config'
import type { Db } from './db/createDb'
import { createServer } from 'node:http'
import { createDb } from './db/createDb'
import { migrate } from './db/migrate'
import { loadConfig } from './loadConfig'
import { createNodeListener } from './nodeListener'
import { devInboxEnabled } from './services/mailer'

const USAGE = `Usage: portico-server serve [--port 4000] [--host 127.0.0.1] [--db <url>] [--config <file.json>]

  --port    port to listen on (env PORT; default 4000)
  --host    interface to bind (env HOST; default 127.0.0.1)
  --db      sqlite:<file>, sqlite::memory: or postgres://... (env DATABASE_URL; default sqlite:.portico/dev.db)
  --config  JSON configuration file (see the README's Server section)
  Env: PORTICO_ALLOWED_ORIGINS (comma-separated), PORTICO_PUBLIC_URL, SMTP_URL`

/** Parsed command-line options of `serve`. */
export interface ServeOptions {
  port: number
  host: string
  db: string
  config?: string
}

/** Reads `serve` flags; flags beat environment variables, which beat defaults. */
export function parseServeArgs(args: string[], env: Record<string, string | undefined> = process.env): ServeOptions {
  const flags = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const [name, inline] = arg.startsWith('--') ? arg.slice(2).split('=', 2) as [string, string | undefined] : [undefined, undefined]
    if (!name || !['port', 'host', 'db', 'config'].includes(name))
      throw new Error(`unknown argument "${arg}"`)
    const value = inline ?? args[++i]
    if (value === undefined)
      throw new Error(`--${name} needs a value`)
    flags.set(name, value)
  }
  const port = Number(flags.get('port') ?? env.PORT ?? 4000)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port "${flags.get('port') ?? env.PORT}"`)
  return {
    port,
    host: flags.get('host') ?? env.HOST ?? '127.0.0.1',
    db: flags.get('db') ?? env.DATABASE_URL ?? 'sqlite:.portico/dev.db',
    ...(flags.has('config') ? { config: flags.get('config')! } : {}),
  }
}

// never print credentials embedded in a database URL
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@')
}

function banner(config: PorticoConfig, db: string, base: string): string {
  const inbox = devInboxEnabled(config) ? ` · dev inbox ${base}/dev/inbox` : ''
  return `portico-server ${config.instanceType} on ${redact(db)}: API ${base}/v1 · JWKS ${base}/.well-known/jwks.json${inbox}`
}

/**
 * `portico-server serve`: migrate, listen, print one banner line; on SIGTERM/SIGINT stop accepting,
 * let in-flight requests finish (at most 10 s, RL-5), close the database and exit.
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command !== 'serve') {
    console.log(USAGE)
    return command === undefined || command === '--help' || command === 'help' ? 0 : 1
  }
  let options: ServeOptions
  try {
    options = parseServeArgs(rest)
  }
  catch (error) {
    console.error(`portico-server: ${(error as Error).message}\n\n${USAGE}`)
    return 1
  }
  const config = await loadConfig({ ...(options.config ? { file: options.config } : {}), defaultPublicUrl: `http://localhost:${options.port}` })
  let db: Db
  try {
    db = await createDb({ url: options.db })
    await migrate(db)
  }
  catch (error) {
    console.error(`portico-server: cannot open ${redact(options.db)}: ${(error as Error).message}`)
    return 1
  }
  if (config.instanceType === 'production' && devInboxEnabled(config))
    console.warn('portico-server: WARNING the dev inbox is on in production: anyone who can reach /dev/inbox reads sign-in codes')

  const server = createServer(createNodeListener({ db, config }, { hostname: options.host }))
  server.listen(options.port, options.host)
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  }).catch((error: Error) => {
    console.error(`portico-server: cannot listen on ${options.host}:${options.port}: ${error.message}`)
    process.exit(1)
  })
  const { port } = server.address() as AddressInfo
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host
  console.log(banner(config, options.db, `http://${host.includes(':') ? `[${host}]` : host}:${port}`))

  return new Promise<number>((resolve) => {
    let stopping = false
    const stop = (signal: string) => {
      if (stopping)
        return
      stopping = true
      console.log(`portico-server: ${signal}, finishing in-flight requests`)
      // idle keep-alive connections would hold close() open; busy ones finish their request first
      const sweep = setInterval(() => server.closeIdleConnections(), 100)
      const deadline = setTimeout(() => server.closeAllConnections(), 10_000)
      server.close(async () => {
        clearInterval(sweep)
        clearTimeout(deadline)
        await db.destroy()
        resolve(0)
      })
    }
    process.once('SIGTERM', () => stop('SIGTERM'))
    process.once('SIGINT', () => stop('SIGINT'))
  })
}
