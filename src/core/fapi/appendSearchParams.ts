/** A query-string or form value: arrays become repeated keys, objects become JSON strings. */
export type FapiParamValue = string | number | boolean | null | undefined | object

/**
 * A flat record serialised as query params or as a form-urlencoded body. Functions that take
 * params also accept any other object (e.g. an interface-typed `SignInCreateParams`, which
 * TypeScript will not treat as a `Record`), read with `Object.entries`.
 */
export type FapiParams = Record<string, FapiParamValue>

/**
 * Appends `values` to `target` the way FAPI reads them: `undefined` is dropped, `null` becomes an
 * empty string (FAPI's "unset", e.g. `organization_id=` for the personal account), booleans become
 * `true`/`false`, arrays become repeated keys and other objects are sent as JSON strings.
 */
export function appendSearchParams(
  target: URLSearchParams,
  values: FapiParams | object | undefined,
  encodeKey: (key: string) => string = key => key,
): URLSearchParams {
  for (const [key, value] of Object.entries(values ?? {})) {
    if (value === undefined)
      continue
    const name = encodeKey(key)
    const items: unknown[] = Array.isArray(value) ? value : [value]
    for (const item of items) {
      if (item !== undefined)
        target.append(name, encodeValue(item))
    }
  }
  return target
}

function encodeValue(value: unknown): string {
  if (value === null)
    return ''
  if (typeof value === 'object')
    return JSON.stringify(value)
  return String(value)
}
