import { randomBytes } from 'node:crypto'

/** Claims of a test session token; `iat` defaults to now (the faked clock in timer tests). */
export interface TestClaims {
  sid?: string
  iat?: number
  exp?: number
  org_id?: string
  [claim: string]: unknown
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

/**
 * An RS256-shaped compact JWS (header.payload.signature, base64url JSON, a 2048-bit-sized
 * signature). The signature is random bytes: the cache never verifies tokens.
 */
export function makeJwt(claims: TestClaims = {}): string {
  const iat = claims.iat ?? Math.floor(Date.now() / 1000)
  const payload = {
    sub: 'user_2test',
    sid: 'sess_1',
    iss: 'https://portico.test',
    nbf: iat - 10,
    ...claims,
    iat,
    exp: claims.exp ?? iat + 60,
  }
  const header = { alg: 'RS256', kid: 'ins_test', typ: 'JWT' }
  return `${base64url(header)}.${base64url(payload)}.${randomBytes(256).toString('base64url')}`
}

/** Reads a test token's payload back (to assert which token a call returned). */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'))
}
