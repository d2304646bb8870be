import type { PorticoConfig } from '../config'

/** Decides which browser origins may call the API with credentials. */
export interface OriginPolicy {
  isAllowed: (origin: string) => boolean
  /** The origin of a URL (e.g. a Referer), or null when it does not parse. */
  originOf: (url: string) => string | null
  /** The server's own public origin. */
  publicOrigin: string
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null
  }
  catch {
    return null
  }
}

/**
 * The allow-list: the configured origins (exact, or `https://*.example.com` for one label), the server's
 * public origin, and in development any http loopback origin (`allowLoopbackOrigins`).
 */
export function createOriginPolicy(config: PorticoConfig): OriginPolicy {
  const publicOrigin = new URL(config.publicUrl).origin
  const exact = new Set<string>([publicOrigin])
  const wildcards: { protocol: string, suffix: string, port: string }[] = []
  for (const entry of config.allowedOrigins) {
    const match = /^(https?):\/\/\*\.([^/:]+)(?::(\d+))?\/?$/i.exec(entry)
    if (match)
      wildcards.push({ protocol: `${match[1]!.toLowerCase()}:`, suffix: `.${match[2]!.toLowerCase()}`, port: match[3] ?? '' })
    else if (originOf(entry))
      exact.add(originOf(entry)!)
  }
  const loopback = config.allowLoopbackOrigins ?? config.instanceType === 'development'

  return {
    publicOrigin,
    originOf,
    isAllowed(origin) {
      if (exact.has(origin))
        return true
      let url: URL
      try {
        url = new URL(origin)
      }
      catch {
        return false
      }
      // an Origin header is scheme://host[:port] and nothing else
      if (url.origin !== origin)
        return false
      if (loopback && url.protocol === 'http:' && LOOPBACK.has(url.hostname))
        return true
      return wildcards.some(({ protocol, suffix, port }) => url.protocol === protocol && url.port === port
        && url.hostname.endsWith(suffix) && /^[a-z0-9-]+$/.test(url.hostname.slice(0, -suffix.length)))
    },
  }
}
