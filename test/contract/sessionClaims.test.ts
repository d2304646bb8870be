import { describe, expect, it } from 'vitest'
import { decodeJwt, decodeOrgPermissions, parseSessionClaims } from '../../src/contract'
import { makeJwt, v1Claims, v2Claims } from './fixtures/jwt'

describe('decodeJwt', () => {
  it('decodes the header and the claims without verifying', () => {
    const jwt = makeJwt(v1Claims)
    const decoded = decodeJwt(jwt)
    expect(decoded.header).toEqual({ alg: 'RS256', kid: 'ins_2abc', typ: 'JWT' })
    expect(decoded.claims.sid).toBe('sess_2abc')
    expect(decoded.signature).toBe('c2lnbmF0dXJl')
    expect(decoded.raw).toBe(jwt)
  })

  it('decodes UTF-8 claims', () => {
    expect(decodeJwt(makeJwt({ sub: 'user_1', sid: 'sess_1', name: 'Zoë 東京' })).claims.name).toBe('Zoë 東京')
  })

  it.each([
    ['', 'expected a non-empty string'],
    ['abc', 'expected 3 dot-separated segments, got 1'],
    ['a.b.c.d', 'expected 3 dot-separated segments, got 4'],
    ['!!!.e30.sig', 'the header is not base64url-encoded JSON'],
    ['e30.bm90IGpzb24.sig', 'the payload is not base64url-encoded JSON'],
    ['e30.WzFd.sig', 'the payload is not a JSON object'],
    ['bnVsbA.e30.sig', 'the header is not a JSON object'],
  ])('rejects %j: %s', (jwt, reason) => {
    expect(() => decodeJwt(jwt)).toThrow(`[portico] Invalid JWT: ${reason}`)
  })
})

describe('parseSessionClaims', () => {
  it('normalizes a v1 token with an active organization', () => {
    expect(parseSessionClaims(v1Claims)).toMatchObject({
      version: 1,
      sessionId: 'sess_2abc',
      userId: 'user_2abc',
      orgId: 'org_2marine',
      orgRole: 'org:admin',
      orgSlug: 'marine-projex',
      orgPermissions: ['org:invoices:create'],
      factorVerificationAge: [3, -1],
      issuer: 'https://wealthy-warthog-69.clerk.accounts.dev',
      authorizedParty: 'http://localhost:3000',
      issuedAt: 1730409958,
      expiresAt: 1730410018,
      notBefore: 1730409948,
      actor: null,
      status: null,
    })
  })

  it('normalizes a v2 token: role prefixed, permissions decoded from fea/per/fpm', () => {
    expect(parseSessionClaims(v2Claims)).toMatchObject({
      version: 2,
      orgId: 'org_2marine',
      orgSlug: 'marine-projex',
      orgRole: 'org:admin',
      orgPermissions: ['org:impersonation:read', 'org:memberships:read', 'org:memberships:manage'],
      features: ['o:impersonation', 'o:memberships'],
      plans: ['u:free', 'o:pro'],
      status: 'active',
      factorVerificationAge: [12, 5],
    })
  })

  it('has no organization fields when none is active', () => {
    const { o: _, ...claims } = v2Claims
    expect(parseSessionClaims(claims)).toMatchObject({ orgId: null, orgRole: null, orgSlug: null, orgPermissions: null })
  })

  it('keeps the raw claims', () => {
    expect(parseSessionClaims({ ...v1Claims, custom: 'x' }).claims.custom).toBe('x')
  })

  it('reads the impersonation actor', () => {
    expect(parseSessionClaims({ ...v1Claims, act: { sub: 'user_admin', type: 'agent' } }).actor).toEqual({ sub: 'user_admin', type: 'agent' })
  })

  it('drops a malformed fva rather than trusting it', () => {
    expect(parseSessionClaims({ ...v1Claims, fva: [3] }).factorVerificationAge).toBeNull()
  })

  it('reads every malformed optional claim as absent', () => {
    const claims = { sub: 'user_1', sid: 'sess_1', v: 'two', sts: 1, iss: {}, azp: [], iat: '1730409958', exp: Number.NaN, nbf: Infinity, fva: [1, 2.5], act: { type: 'agent' }, org_id: 5 }
    expect(parseSessionClaims(claims)).toMatchObject({
      version: 1,
      status: null,
      issuer: null,
      authorizedParty: null,
      issuedAt: null,
      expiresAt: null,
      notBefore: null,
      factorVerificationAge: null,
      actor: null,
      orgId: null,
      orgPermissions: null,
    })
  })

  it('drops v2 organization parts that are malformed, and the organization without an id', () => {
    const { o: _, ...base } = v2Claims
    expect(parseSessionClaims({ ...base, o: { id: 'org_1', rol: 7, slg: null } })).toMatchObject({ orgId: 'org_1', orgRole: null, orgSlug: null, orgPermissions: [] })
    expect(parseSessionClaims({ ...base, o: { rol: 'admin' } })).toMatchObject({ orgId: null, orgRole: null, orgPermissions: null })
  })

  it('gives v1 organization permissions only when they are a list of strings', () => {
    expect(parseSessionClaims({ ...v1Claims, org_permissions: ['org:a:read', 2] }).orgPermissions).toEqual([])
  })

  it('throws when the claims are not an object', () => {
    expect(() => parseSessionClaims([] as unknown as Record<string, unknown>)).toThrow('[portico] Invalid session token claims: claims')
  })

  it.each([
    ['sub', { ...v1Claims, sub: undefined }],
    ['sid', { ...v1Claims, sid: '' }],
  ])('throws when %s is missing', (claim, claims) => {
    expect(() => parseSessionClaims(claims)).toThrow(`[portico] Invalid session token claims: ${claim}`)
  })
})

describe('decodeOrgPermissions', () => {
  it.each([
    // the example of fapi.md 5.1
    { fea: ['o:impersonation', 'o:memberships'], per: 'read,manage', fpm: '1,3', expected: ['org:impersonation:read', 'org:memberships:read', 'org:memberships:manage'] },
    // user-only entries do not take a mask; uo entries do
    { fea: ['u:export', 'o:invoices', 'uo:reports'], per: 'read,manage', fpm: '2,1', expected: ['org:invoices:manage', 'org:reports:read'] },
    // a zero mask grants nothing
    { fea: ['o:invoices'], per: 'read', fpm: '0', expected: [] },
    // bits beyond the permission list are ignored
    { fea: ['o:invoices'], per: 'read', fpm: '7', expected: ['org:invoices:read'] },
    // fewer masks than features: the rest get nothing
    { fea: ['o:a', 'o:b'], per: 'read', fpm: '1', expected: ['org:a:read'] },
    // a mask that is not a decimal number grants nothing for its feature
    { fea: ['o:a', 'o:b'], per: 'read', fpm: 'x,1', expected: ['org:b:read'] },
    // masks wider than 53 bits stay exact
    { fea: ['o:wide'], per: Array.from({ length: 60 }, (_, i) => `p${i}`).join(','), fpm: (2n ** 59n).toString(), expected: ['org:wide:p59'] },
    // an unreadable entry would misalign every later mask: nothing is granted
    { fea: ['impersonation', 'o:memberships'], per: 'read', fpm: '1,1', expected: [] },
    // no per or fpm
    { fea: ['o:a'], per: undefined, fpm: undefined, expected: [] },
  ])('decodes fea=$fea per=$per fpm=$fpm', ({ fea, per, fpm, expected }) => {
    expect(decodeOrgPermissions(fea, per, fpm)).toEqual(expected)
  })
})
