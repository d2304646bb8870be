import type { CountryCode } from 'libphonenumber-js/max'
import type { PorticoConfig } from '../config'
import { parsePhoneNumberWithError } from 'libphonenumber-js/max'
import { FapiError } from '../errors/fapiError'

// digits, spaces and the usual punctuation only: no letters (vanity numbers) and no extensions
const PHONE_INPUT = /^\+?[\d\s().-]{4,32}$/

/**
 * Validates a phone number against the full numbering plan (libphonenumber's complete metadata) and
 * returns its E.164 form, e.g. `(415) 555-2671` in the US -> `+14155552671`. A number without
 * `+<country code>` needs `phoneNumbers.defaultCountry`. Throws `form_param_format_invalid`.
 */
export function normalizePhoneNumber(input: string, config: PorticoConfig, paramName = 'phone_number'): string {
  const invalid = () => new FapiError('form_param_format_invalid', { longMessage: 'Enter a valid phone number, including the country code.', meta: { param_name: paramName } })
  const trimmed = input.trim()
  if (!PHONE_INPUT.test(trimmed))
    throw invalid()
  try {
    const parsed = parsePhoneNumberWithError(trimmed, config.phoneNumbers.defaultCountry as CountryCode | undefined)
    if (!parsed.isValid())
      throw invalid()
    return parsed.number
  }
  catch (error) {
    if (error instanceof FapiError)
      throw error
    throw invalid()
  }
}

/** True when the text looks like a phone number rather than an email address or a username. */
export function looksLikePhoneNumber(text: string): boolean {
  return PHONE_INPUT.test(text.trim()) && /\d{4}/.test(text.replace(/\D/g, ''))
}

/** Masks a number for someone who may not own it, keeping the last two digits: `+*********71`. */
export function maskPhoneNumber(e164: string): string {
  return `+${'*'.repeat(Math.max(0, e164.length - 3))}${e164.slice(-2)}`
}

/** Clerk's test numbers `+1 (XXX) 555-0100` to `-0199`: on development instances they take the code 424242 and get no SMS. */
export function isTestPhoneNumber(config: PorticoConfig, e164: string): boolean {
  return config.instanceType === 'development' && /^\+1\d{3}55501\d{2}$/.test(e164)
}
