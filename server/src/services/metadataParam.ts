import { FapiError } from '../errors/fapiError'

/** IN-2: metadata documents stay small. */
export const MAX_METADATA_BYTES = 8 * 1024

function depth(value: unknown): number {
  if (typeof value !== 'object' || value === null)
    return 0
  let deepest = 0
  for (const item of Object.values(value))
    deepest = Math.max(deepest, depth(item))
  return deepest + 1
}

/** Parses a metadata parameter (a JSON object sent as a string): at most 8 KiB and 10 levels deep. */
export function parseMetadataParam(text: string, paramName: string): Record<string, unknown> {
  const invalid = () => new FapiError('form_param_format_invalid', { meta: { param_name: paramName } })
  if (Buffer.byteLength(text, 'utf8') > MAX_METADATA_BYTES)
    throw new FapiError('form_param_max_length_exceeded', { meta: { param_name: paramName } })
  let value: unknown
  try {
    value = JSON.parse(text)
  }
  catch {
    throw invalid()
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || depth(value) > 10)
    throw invalid()
  return value as Record<string, unknown>
}

/** RFC 7396 JSON merge patch: objects merge recursively, `null` deletes a key, anything else replaces. */
export function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...target }
  for (const [key, value] of Object.entries(patch)) {
    // JSON.parse creates own `__proto__` keys; skip them so nothing reaches Object.prototype (IN-7)
    if (key === '__proto__')
      continue
    if (value === null) {
      delete result[key]
    }
    else if (typeof value === 'object' && !Array.isArray(value)) {
      const current = result[key]
      result[key] = mergePatch(typeof current === 'object' && current !== null && !Array.isArray(current) ? current as Record<string, unknown> : {}, value as Record<string, unknown>)
    }
    else {
      result[key] = value
    }
  }
  return result
}
