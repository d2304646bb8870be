import { describe, expect, it } from 'vitest'
import { createClientStore } from '../../../src/core/clerk/createClientStore'
import { signInJSON, userJSON } from '../../contract/fixtures/identity'
import { client, freshJwt, offlineContext, quietTokenCache, session } from './clientStoreFixtures'

// Structural sharing between snapshots: what did not change on the wire keeps its object, so a Vue
// store holding it (in a shallowRef) is not triggered.

function setup() {
  const tokens = quietTokenCache()
  const store = createClientStore(offlineContext(tokens), tokens)
  return { tokens, store }
}

const signingIn = (status: string) => ({ ...signInJSON(), status })
const renamed = (firstName: string) => ({ ...userJSON(), first_name: firstName })

describe('shareResources (through createClientStore)', () => {
  it('keeps session, user, organization and session list when only the sign-in changed', () => {
    const { store } = setup()
    store.apply(client([session('sess_a', { last_active_organization_id: 'org_2marine' })], 'sess_a'))
    const before = store.state!
    store.apply(client([session('sess_a', { last_active_organization_id: 'org_2marine' })], 'sess_a', { sign_in: signingIn('needs_first_factor') }))
    const after = store.state!
    expect(after.client).not.toBe(before.client)
    expect(after.client.signIn).not.toBe(before.client.signIn)
    expect(after.client.signIn.status).toBe('needs_first_factor')
    expect(after.session).toBe(before.session)
    expect(after.user).toBe(before.user)
    expect(after.organization).toBe(before.organization)
    expect(after.client.sessions).toBe(before.client.sessions)
    expect(after.client.signUp).toBe(before.client.signUp)
  })

  it('keeps them across any number of sign-in steps', () => {
    const { store } = setup()
    store.apply(client([session('sess_a', { last_active_organization_id: 'org_2marine' })], 'sess_a'))
    const before = store.state!
    for (const status of ['needs_identifier', 'needs_first_factor', 'needs_second_factor'])
      store.apply(client([session('sess_a', { last_active_organization_id: 'org_2marine' })], 'sess_a', { sign_in: signingIn(status) }))
    expect(store.state?.client.signIn.status).toBe('needs_second_factor')
    expect([store.state?.session, store.state?.user, store.state?.organization]).toEqual([before.session, before.user, before.organization])
    expect(store.state?.session).toBe(before.session)
    expect(store.state?.user).toBe(before.user)
    expect(store.state?.organization).toBe(before.organization)
  })

  it('gives a changed user (and the session holding it) new objects, keeping the memberships', () => {
    const { store } = setup()
    store.apply(client([session('sess_a', { last_active_organization_id: 'org_2marine' })], 'sess_a'))
    const before = store.state!
    store.apply(client([session('sess_a', { last_active_organization_id: 'org_2marine', user: renamed('Janet') })], 'sess_a'))
    const after = store.state!
    expect(after.user).not.toBe(before.user)
    expect(after.user?.firstName).toBe('Janet')
    expect(after.session).not.toBe(before.session)
    expect(after.session?.user).toBe(after.user)
    expect(after.organization).toBe(before.organization)
    expect(after.user?.organizationMemberships).toEqual(before.user?.organizationMemberships)
    expect(after.user?.organizationMemberships[0]).toBe(before.user?.organizationMemberships[0])
  })

  it('keeps the user when only its session changed (touched)', () => {
    const { store } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    const before = store.state!
    store.apply(client([session('sess_a', { last_active_at: 1730409999000 })], 'sess_a'))
    expect(store.state?.session).not.toBe(before.session)
    expect(store.state?.session?.lastActiveAt.getTime()).toBe(1730409999000)
    expect(store.state?.user).toBe(before.user)
  })

  it('keeps one account\'s session when another account of the client changed', () => {
    const { store } = setup()
    store.apply(client([session('sess_a'), session('sess_b')], 'sess_a'))
    const [a, b] = store.state!.client.sessions
    store.apply(client([session('sess_a'), session('sess_b', { last_active_at: 1730409999000 })], 'sess_a'))
    const [a2, b2] = store.state!.client.sessions
    expect(a2).toBe(a)
    expect(b2).not.toBe(b)
    expect(store.state?.session).toBe(a)
  })

  it('puts a fresher token on a kept session, in place', () => {
    const { store } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    const kept = store.state!.session
    const newer = freshJwt('sess_a', Math.floor(Date.now() / 1000) + 5)
    store.apply(client([session('sess_a', { last_active_token: { object: 'token', jwt: newer } })], 'sess_a', { sign_in: signingIn('needs_first_factor') }))
    expect(store.state?.session).toBe(kept)
    expect(kept?.lastActiveToken?.getRawString()).toBe(newer)
  })

  it('never reuses an object its own method rewrote since (fromJSON on itself)', () => {
    const { store } = setup()
    store.apply(client([], null))
    const empty = store.state!.client.signIn
    // what signIn.create() does with its answer, while the client still says "no sign-in"
    empty.fromJSON(signingIn('needs_first_factor') as Parameters<typeof empty.fromJSON>[0])
    store.apply(client([], null, { updated_at: 1730400000000 }))
    expect(store.state?.client.signIn).not.toBe(empty)
    expect(store.state?.client.signIn.id).toBe('')
  })

  it('does not mistake two users\' memberships of one organization for each other', () => {
    const { store } = setup()
    const other = { ...userJSON(), id: 'user_2other' }
    store.apply(client([session('sess_a', { last_active_organization_id: 'org_2marine' }), session('sess_b', { user: other })], 'sess_a'))
    const [a, b] = store.state!.client.sessions
    expect(a?.user?.organizationMemberships[0]).toBeDefined()
    expect(b?.user?.organizationMemberships[0]).not.toBe(a?.user?.organizationMemberships[0])
  })
})
