import { createHash, timingSafeEqual } from 'node:crypto'

/** Hex SHA-256 of a UTF-8 string. */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}

/** Compares two hex digests in constant time (the stored one is attacker-probable). */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}
