import { describe, expect, it } from 'vitest'
import { tokenCacheKey, toTokenKey } from '../../../src/core/tokens'

describe('tokenCacheKey', () => {
  it.each([
    [{ sessionId: 'sess_1' }, 'sess_1'],
    [{ sessionId: 'sess_1', organizationId: null }, 'sess_1'],
    [{ sessionId: 'sess_1', organizationId: '' }, 'sess_1'],
    [{ sessionId: 'sess_1', template: '' }, 'sess_1'],
    [{ sessionId: 'sess_1', template: 'supabase' }, 'sess_1-supabase'],
    [{ sessionId: 'sess_1', organizationId: 'org_1' }, 'sess_1-org_1'],
    [{ sessionId: 'sess_1', template: 'supabase', organizationId: 'org_1' }, 'sess_1-supabase-org_1'],
  ])('keys %j as %s', (params, key) => {
    expect(tokenCacheKey(params)).toBe(key)
  })

  it('normalises the optional parts to null', () => {
    expect(toTokenKey({ sessionId: 'sess_1', template: '', organizationId: undefined }))
      .toEqual({ sessionId: 'sess_1', template: null, organizationId: null })
  })
})
