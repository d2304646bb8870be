/**
 * Where the shared response-header rules (security headers, CORS) write: a WHATWG `Headers` in the Hono
 * middleware, a plain record in the token fast path. Names are matched case-insensitively.
 */
export interface HeaderTarget {
  has: (name: string) => boolean
  set: (name: string, value: string) => void
  append: (name: string, value: string) => void
}

/**
 * A `HeaderTarget` over a plain object with lower-case names, ready for Node's `writeHead` (repeated
 * values are joined with `, `, as `Headers` does).
 */
export class HeaderRecord implements HeaderTarget {
  readonly values: Record<string, string> = Object.create(null)

  has(name: string): boolean {
    return name.toLowerCase() in this.values
  }

  set(name: string, value: string): void {
    this.values[name.toLowerCase()] = value
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase()
    const existing = this.values[key]
    this.values[key] = existing === undefined ? value : `${existing}, ${value}`
  }
}
