import { domainToASCII } from 'node:url'
import { FapiError } from '../errors/fapiError'

// no spaces, quotes, commas, semicolons, angle brackets, brackets, parentheses or backticks (IN-3)
const LOCAL_PART = /^[^\s@"'`,;<>()[\]\\]{1,64}$/
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/
// controls, format characters (zero-width, bidi overrides and isolates, soft hyphen, tags) and every other
// default-ignorable code point (fillers, variation selectors): invisible, so an address could look like another
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u

/**
 * Canonicalizes an email address (IN-3): trim; refuse control and invisible characters, anything whose
 * NFKC form differs (e.g. a full-width `＠`), more than one `@`; convert an IDN domain to its A-label and
 * lower-case it. Returns the address as stored and the lower-cased key that makes it unique.
 * Throws `form_param_format_invalid`.
 */
export function normalizeEmail(input: string, paramName = 'email_address'): { address: string, normalized: string } {
  const invalid = () => new FapiError('form_param_format_invalid', { meta: { param_name: paramName } })
  const trimmed = input.trim()
  if (trimmed.length > 254 || INVISIBLE.test(trimmed) || trimmed.normalize('NFKC') !== trimmed)
    throw invalid()
  const parts = trimmed.split('@')
  if (parts.length !== 2)
    throw invalid()
  const [local, domain] = parts as [string, string]
  const asciiDomain = domainToASCII(domain.toLowerCase())
  if (!LOCAL_PART.test(local) || !DOMAIN.test(asciiDomain))
    throw invalid()
  const address = `${local}@${asciiDomain}`
  return { address, normalized: address.toLowerCase() }
}

/** Masks an email for display to someone who may not own it: `j***@example.com`. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@')
  return `${address.slice(0, 1)}***${address.slice(at)}`
}
