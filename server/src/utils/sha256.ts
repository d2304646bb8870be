import crypto, { createHash, timingSafeEqual } from 'node:crypto'

// crypto.hash (Node 20.12+) digests in one call, without a Hash object: the token endpoint hashes the
// cookie secret on every request
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash

/** Hex SHA-256 of a UTF-8 string. */
export function sha256(value: string): string {
  return oneShot ? oneShot('sha256', value, 'hex') : createHash('sha256').update(value, 'utf8').digest('hex')
}

/** Compares two hex digests in constant time (the stored one is attacker-probable). */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}
