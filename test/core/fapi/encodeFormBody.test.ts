import { describe, expect, it } from 'vitest'
import { encodeFormBody } from '../../../src/core/fapi/encodeFormBody'

describe('encodeFormBody', () => {
  it.each([
    ['top-level camelCase keys become snake_case', { emailAddressId: 'idn_1' }, 'email_address_id=idn_1'],
    ['undefined values are dropped', { identifier: 'a@x.test', password: undefined }, 'identifier=a%40x.test'],
    ['null becomes an empty string', { organizationId: null }, 'organization_id='],
    ['booleans become true/false', { legalAccepted: true, signOutOfOtherSessions: false }, 'legal_accepted=true&sign_out_of_other_sessions=false'],
    ['numbers become decimal strings', { limit: 10 }, 'limit=10'],
    ['arrays become repeated keys', { emailAddress: ['a@x.test', 'b@x.test'] }, 'email_address=a%40x.test&email_address=b%40x.test'],
    ['nested objects become JSON strings with their keys untouched', { unsafeMetadata: { favoriteColor: 'blue' } }, `unsafe_metadata=${encodeURIComponent('{"favoriteColor":"blue"}')}`],
    ['an empty body becomes an empty string', {}, ''],
    ['a missing body becomes an empty string', undefined, ''],
  ])('%s', (_, body, expected) => {
    expect(encodeFormBody(body).toString()).toBe(expected)
  })

  it('keeps already snake_case keys as they are', () => {
    expect(encodeFormBody({ redirect_url: 'https://app.test/cb' }).get('redirect_url')).toBe('https://app.test/cb')
  })
})
