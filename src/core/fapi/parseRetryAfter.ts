/**
 * Reads a `Retry-After` header as whole seconds. It may be a number of seconds or an HTTP date;
 * a date in the past gives 0, a missing or unreadable header gives undefined.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value?.trim())
    return undefined
  if (/^\d+$/.test(value.trim()))
    return Number(value.trim())
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000))
}
