/** The scopes a `fea`/`pla` claim entry can name: `o` (organization) and `u` (user). */
export type EntryScope = 'o' | 'u'

/** A parsed `scope:name` claim entry such as `o:impersonation` or `uo:export`. */
export interface ScopedEntry {
  scopes: ReadonlySet<EntryScope>
  name: string
}

const SCOPES: Record<string, EntryScope[]> = { o: ['o'], u: ['u'], uo: ['u', 'o'], ou: ['o', 'u'] }

/** Parses one `scope:name` entry of the `fea`/`pla` claims; returns null for anything malformed. */
export function parseScopedEntry(entry: string): ScopedEntry | null {
  const colon = entry.indexOf(':')
  if (colon <= 0)
    return null
  const scopes = SCOPES[entry.slice(0, colon)]
  const name = entry.slice(colon + 1)
  if (!scopes || !name)
    return null
  return { scopes: new Set(scopes), name }
}

/** Splits a comma-separated claim (`"u:free,o:pro"`) into trimmed, non-empty entries. */
export function splitClaimList(value: unknown): string[] {
  if (typeof value !== 'string')
    return []
  return value.split(',').map(part => part.trim()).filter(part => part.length > 0)
}
