/** Turns a FAPI millisecond timestamp into a Date (`null`/absent stays `null`). */
export function toDate(ms: number | null | undefined): Date | null {
  return typeof ms === 'number' ? new Date(ms) : null
}
