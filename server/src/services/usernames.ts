import { FapiError } from '../errors/fapiError'

/** Shortest username accepted (Clerk's default). */
export const USERNAME_MIN_LENGTH = 4
/** Longest username accepted (Clerk's default). */
export const USERNAME_MAX_LENGTH = 64

/**
 * Checks a username (letters, digits, `_`, `-`, `.`; 4..64 characters; not only digits) and returns
 * the lower-cased form that makes usernames unique case-insensitively.
 */
export function normalizeUsername(username: string, paramName = 'username'): string {
  const meta = { param_name: paramName }
  if (username.length < USERNAME_MIN_LENGTH || username.length > USERNAME_MAX_LENGTH)
    throw new FapiError('form_username_invalid_length', { meta })
  if (!/^[\w.-]+$/.test(username))
    throw new FapiError('form_username_invalid_character', { meta })
  if (/^\d+$/.test(username))
    throw new FapiError('form_username_needs_non_number_char', { meta })
  return username.toLowerCase()
}
