import { randomBytes } from 'node:crypto'

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** `length` characters drawn uniformly from [0-9A-Za-z] with a CSPRNG (rejection sampling, no modulo bias). */
export function randomAlphanumeric(length: number): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 * 62: bytes at or above it would skew the distribution
      if (byte < 248 && out.length < length)
        out += alphabet[byte % 62]
    }
  }
  return out
}

/** An opaque id with Clerk's prefix convention, e.g. `newId('user')` -> `user_2x…` (27 random characters, ~160 bits). */
export function newId(prefix: string): string {
  return `${prefix}_${randomAlphanumeric(27)}`
}
