import { describe, expect, it } from 'vitest'
import { readTokenMessage } from '../../../src/core/tokens'

const key = { sessionId: 'sess_1', template: null, organizationId: 'org_1' }

describe('readTokenMessage', () => {
  it('reads a token message and a claim, leaving unknown keys out', () => {
    expect(readTokenMessage({ type: 'token', ...key, jwt: 'a.b.c', ageMs: 12, extra: true })).toEqual({ type: 'token', ...key, jwt: 'a.b.c', ageMs: 12 })
    expect(readTokenMessage({ type: 'claim', ...key, template: 'supabase', jwt: 'ignored' })).toEqual({ type: 'claim', ...key, template: 'supabase' })
  })

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['an unknown type', { type: 'hello', ...key }],
    ['a token without its jwt', { type: 'token', ...key, ageMs: 0 }],
    ['an empty jwt', { type: 'token', ...key, jwt: '', ageMs: 0 }],
    ['a negative age', { type: 'token', ...key, jwt: 'a.b.c', ageMs: -1 }],
    ['an age that is not a number', { type: 'token', ...key, jwt: 'a.b.c', ageMs: '5' }],
    ['an infinite age', { type: 'token', ...key, jwt: 'a.b.c', ageMs: Infinity }],
    ['an empty session id', { type: 'claim', ...key, sessionId: '' }],
    ['a missing template', { type: 'claim', sessionId: 'sess_1', organizationId: null }],
    ['an empty template', { type: 'claim', ...key, template: '' }],
    ['an organization id that is not a string', { type: 'claim', ...key, organizationId: 5 }],
  ])('ignores %s', (_, data) => {
    expect(readTokenMessage(data)).toBeUndefined()
  })
})
