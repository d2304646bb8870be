import type { LocalizationKey, LocalizationOverrides, LocalizationParams } from './types'
import { interpolate } from './interpolate'

/** The parts of a Frontend API error a message is chosen from (a `ClerkAPIError`). */
export interface TranslatableError {
  code: string
  message?: string
  longMessage?: string
  meta?: { paramName?: string, [key: string]: unknown }
}

/** Looks strings up in the overrides, then in English. */
export interface Translator {
  /** The BCP 47 tag of the strings (`locale` of the overrides, else `en-US`). */
  readonly locale: string
  /** The string at `key`, with `{name}` placeholders filled from `params`. */
  t: (key: LocalizationKey, params?: LocalizationParams) => string
  /** The message for a Frontend API error: localized by code, else the server's own text. */
  errorMessage: (error: TranslatableError) => string
}

/**
 * Builds a translator over `overrides` (any subset of the localization object), falling back to
 * `defaults`, e.g. `createTranslator(overrides, enUS)`. `defaults` is read at each lookup, so sections
 * added to it later are found (components add the English sections they use, which keeps the strings
 * of components an app does not use out of its bundle).
 */
export function createTranslator(overrides: LocalizationOverrides, defaults: LocalizationOverrides): Translator {
  const t = (key: LocalizationKey, params?: LocalizationParams): string => {
    const template = lookup(overrides, key) ?? lookup(defaults, key) ?? key
    return interpolate(template, params)
  }
  const errorMessage = (error: TranslatableError): string => {
    const param = error.meta?.paramName
    // `form_identifier_exists__email_address` reads better than one message for every field
    const keys = param ? [`${error.code}__${param}`, error.code] : [error.code]
    const known = keys.map(key => overrides.errors?.[key] ?? defaults.errors?.[key]).find(Boolean)
    const template = known ?? error.longMessage ?? error.message ?? t('common.unexpectedError')
    return interpolate(template, { paramName: param })
  }
  return { locale: overrides.locale ?? defaults.locale ?? 'en-US', t, errorMessage }
}

function lookup(source: unknown, key: string): string | undefined {
  let node = source
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object')
      return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}
