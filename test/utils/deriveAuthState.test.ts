import type { InitialState } from '../../src'
import { describe, expect, it } from 'vitest'
import { deriveAuthState } from '../../src/utils/deriveAuthState'

const notLoaded = { loaded: false, session: undefined, user: undefined, organization: undefined }
const fromInitial = (initialState: InitialState | undefined) => deriveAuthState({ ...notLoaded, initialState })

describe('deriveAuthState before load', () => {
  it('reports every fact as undefined without initialState', () => {
    expect(Object.values(fromInitial(undefined)).every(value => value === undefined)).toBe(true)
  })

  it('reports signed out (nulls) for a signed-out initialState', () => {
    expect(fromInitial({ userId: null, sessionId: null })).toMatchObject({ userId: null, sessionId: null, orgId: null, sessionClaims: null })
  })

  it('stays loading when initialState names nobody', () => {
    expect(fromInitial({ orgId: 'org_1' }).userId).toBeUndefined()
  })

  it('takes the ids from the claims when only the claims are given', () => {
    expect(fromInitial({ sessionClaims: { sub: 'user_1', sid: 'sess_1' } })).toMatchObject({ userId: 'user_1', sessionId: 'sess_1', sessionStatus: 'active', orgId: null })
  })

  it('prefers explicit fields over the claims', () => {
    const state = fromInitial({ userId: 'user_1', sessionId: 'sess_1', orgId: 'org_9', orgRole: 'org:member', sessionClaims: { sub: 'user_1', sid: 'sess_1', org_id: 'org_1', org_role: 'org:admin' } })
    expect([state.orgId, state.orgRole]).toEqual(['org_9', 'org:member'])
  })

  it('reads v1 organization claims', () => {
    const state = fromInitial({ sessionClaims: { sub: 'user_1', sid: 'sess_1', org_id: 'org_1', org_role: 'org:admin', org_slug: 'acme', org_permissions: ['org:x:read'] } })
    expect(state).toMatchObject({ orgId: 'org_1', orgRole: 'org:admin', orgSlug: 'acme', orgPermissions: ['org:x:read'] })
  })

  it('keeps the pending status from the claims', () => {
    expect(fromInitial({ sessionClaims: { sub: 'user_1', sid: 'sess_1', sts: 'pending' } }).sessionStatus).toBe('pending')
  })

  it('ignores claims that identify nobody', () => {
    expect(fromInitial({ sessionClaims: { foo: 1 } }).userId).toBeUndefined()
  })
})

describe('deriveAuthState after load', () => {
  it('reports signed out when there is no session, whatever initialState said', () => {
    const state = deriveAuthState({ loaded: true, session: null, user: null, organization: null, initialState: { userId: 'user_1', sessionId: 'sess_1' } })
    expect([state.userId, state.sessionId]).toEqual([null, null])
  })
})
