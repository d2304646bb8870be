/** A parsed request body: each field is a string, or an array of strings when the key repeats. */
export type FormBody = Record<string, string | string[]>

/** The field as a single string (the first value when repeated), or undefined when absent. */
export function field(form: FormBody, name: string): string | undefined {
  const value = Object.hasOwn(form, name) ? form[name] : undefined
  return Array.isArray(value) ? value[0] : value
}

/** The field as a trimmed string; absent or blank gives undefined. */
export function textField(form: FormBody, name: string): string | undefined {
  const value = field(form, name)?.trim()
  return value || undefined
}

/** `true`/`false` fields as clerk-js sends them; anything else gives `fallback`. */
export function booleanField(form: FormBody, name: string, fallback = false): boolean {
  const value = field(form, name)
  if (value === 'true' || value === '1')
    return true
  if (value === 'false' || value === '0')
    return false
  return fallback
}

/** Parses `application/x-www-form-urlencoded` text; repeated keys become arrays. */
export function parseFormBody(text: string): FormBody {
  const form: FormBody = Object.create(null)
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = form[key]
    form[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return form
}

/**
 * Flattens a JSON body into the same shape as a form: nested objects become JSON strings (as clerk-js
 * sends `unsafe_metadata`), booleans and numbers become strings, null becomes ''.
 */
export function formFromJson(value: unknown): FormBody {
  const form: FormBody = Object.create(null)
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return form
  const scalar = (item: unknown): string => item === null || item === undefined
    ? ''
    : typeof item === 'object' ? JSON.stringify(item) : String(item)
  for (const [key, item] of Object.entries(value))
    form[key] = Array.isArray(item) ? item.map(scalar) : scalar(item)
  return form
}
