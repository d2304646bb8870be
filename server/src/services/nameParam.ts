import { FapiError } from '../errors/fapiError'

/** IN-2: names stay short. */
export const MAX_NAME_LENGTH = 256

/** A first or last name: trimmed, '' clears it (null), at most 256 characters, no control characters. */
export function parseName(value: string, paramName: string): string | null {
  const trimmed = value.trim()
  if (!trimmed)
    return null
  if ([...trimmed].length > MAX_NAME_LENGTH)
    throw new FapiError('form_param_max_length_exceeded', { meta: { param_name: paramName } })
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F]/.test(trimmed))
    throw new FapiError('form_param_format_invalid', { meta: { param_name: paramName } })
  return trimmed
}
