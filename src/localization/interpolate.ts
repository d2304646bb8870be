import type { LocalizationParams } from './types'

/** Replaces each `{name}` in `template` with `params.name`; unknown placeholders stay as written. */
export function interpolate(template: string, params?: LocalizationParams): string {
  if (!params)
    return template
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name]
    return value === undefined || value === null ? placeholder : String(value)
  })
}
