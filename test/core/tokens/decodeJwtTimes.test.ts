import { describe, expect, it } from 'vitest'
import { decodeJwtTimes } from '../../../src/core/tokens'
import { makeJwt } from './makeJwt'

const segment = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('decodeJwtTimes', () => {
  it('reads iat and exp from an RS256 token', () => {
    expect(decodeJwtTimes(makeJwt({ iat: 1_767_268_800, exp: 1_767_268_860 }))).toEqual({ iat: 1_767_268_800, exp: 1_767_268_860 })
  })

  it('reads a payload with non-ASCII claims and base64url characters', () => {
    const jwt = `${segment({ alg: 'RS256' })}.${segment({ iat: 10, exp: 70, name: 'Zoë ~~~ ???>>>' })}.sig`
    expect(jwt.split('.')[1]).toMatch(/[-_]/)
    expect(decodeJwtTimes(jwt)).toEqual({ iat: 10, exp: 70 })
  })

  it.each([
    ['an empty string', ''],
    ['two parts', `${segment({})}.${segment({ iat: 1, exp: 2 })}`],
    ['four parts', `a.${segment({ iat: 1, exp: 2 })}.c.d`],
    ['a payload that is not base64url', 'a.!!!.c'],
    ['a payload that is not JSON', `a.${Buffer.from('nope').toString('base64url')}.c`],
    ['a payload that is not an object', `a.${segment(42)}.c`],
    ['no exp', `a.${segment({ iat: 1 })}.c`],
    ['a string iat', `a.${segment({ iat: '1', exp: 2 })}.c`],
    ['exp not after iat', `a.${segment({ iat: 5, exp: 5 })}.c`],
    ['invalid UTF-8', `a.${Buffer.from([0x7B, 0xFF, 0x7D]).toString('base64url')}.c`],
  ])('returns null for %s', (_, jwt) => {
    expect(decodeJwtTimes(jwt)).toBeNull()
  })
})
