import { snakeToCamel } from '../fapi/keyCase'

/** `first_name` -> `firstName`, at the type level. */
export type SnakeToCamel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<SnakeToCamel<Tail>>}`
  : S

/** A wire object with every key camelCased, recursively (arrays and records included). */
export type CamelCased<T> = T extends readonly (infer Item)[]
  ? CamelCased<Item>[]
  : T extends object
    ? { [K in keyof T as K extends string ? SnakeToCamel<K> : K]: CamelCased<T[K]> }
    : T

/**
 * Deep-copies a wire object with camelCased keys. Objects listed in `keepKeysOf` are maps whose keys
 * are data (`attributes.email_address`, `social.oauth_google`), so only their values are converted.
 */
export function camelize<T>(value: T, keepKeysOf: ReadonlySet<string> = new Set()): CamelCased<T> {
  return convert(value, keepKeysOf, false) as CamelCased<T>
}

function convert(value: unknown, keepKeysOf: ReadonlySet<string>, keepKeys: boolean): unknown {
  if (Array.isArray(value))
    return value.map(item => convert(item, keepKeysOf, false))
  if (typeof value !== 'object' || value === null)
    return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    const name = keepKeys ? key : snakeToCamel(key)
    out[name] = convert(inner, keepKeysOf, !keepKeys && keepKeysOf.has(key))
  }
  return out
}
