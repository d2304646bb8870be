import type { Resources } from '../../../src/core/clerk/createClientStore'
import { describe, expect, it } from 'vitest'
import { createClientStore } from '../../../src/core/clerk/createClientStore'
import { userJSON } from '../../contract/fixtures/identity'
import { client, freshJwt, offlineContext, quietTokenCache, session } from './clientStoreFixtures'

function setup() {
  const tokens = quietTokenCache()
  const store = createClientStore(offlineContext(tokens), tokens)
  const emitted: Resources[] = []
  store.subscribe(resources => emitted.push(resources))
  return { tokens, store, emitted }
}

describe('createClientStore', () => {
  it('stays silent before going live, then emits the loaded state once', () => {
    const { store, emitted } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    expect(emitted).toHaveLength(0)
    store.goLive()
    expect(emitted).toHaveLength(1)
    expect(emitted[0]?.session?.id).toBe('sess_a')
  })

  it('emits once per real change, with new resource objects', () => {
    const { store, emitted } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    store.goLive()
    const before = store.state!
    store.apply(client([session('sess_a', { user: { ...userJSON(), first_name: 'Janet' } })], 'sess_a'))
    expect(emitted).toHaveLength(2)
    expect(store.state?.user?.firstName).toBe('Janet')
    expect(store.state?.client).not.toBe(before.client)
    expect(store.state?.session).not.toBe(before.session)
    expect(store.state?.user).not.toBe(before.user)
  })

  it('does not emit when only the session tokens changed', () => {
    const { store, emitted } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    store.goLive()
    const objects = store.state!
    const newer = freshJwt('sess_a', Math.floor(Date.now() / 1000) + 5)
    store.apply(client([session('sess_a', { last_active_token: { object: 'token', jwt: newer } })], 'sess_a'))
    expect(emitted).toHaveLength(1)
    expect(store.state).toBe(objects)
    expect(store.state?.session?.lastActiveToken?.getRawString()).toBe(newer)
  })

  it('puts every fresh last_active_token in the token cache', () => {
    const { store, tokens } = setup()
    const jwt = freshJwt('sess_b')
    store.apply(client([session('sess_a'), session('sess_b', { last_active_token: { object: 'token', jwt } })], 'sess_a'))
    expect(tokens.peek({ sessionId: 'sess_b' })).toBe(jwt)
  })

  it('starts on the session named by last_active_session_id', () => {
    const { store } = setup()
    store.apply(client([session('sess_a'), session('sess_b')], 'sess_b'))
    expect(store.state?.session?.id).toBe('sess_b')
  })

  it('keeps this tab\'s session when another one becomes last active (another tab switched)', () => {
    const { store, emitted } = setup()
    store.apply(client([session('sess_a'), session('sess_b')], 'sess_b'))
    store.goLive()
    store.apply(client([session('sess_a'), session('sess_b')], 'sess_a', { updated_at: 1730400000000 }))
    expect(store.state?.session?.id).toBe('sess_b')
    expect(store.state?.client.lastActiveSessionId).toBe('sess_a')
    expect(emitted.map(r => r.session?.id)).toEqual(['sess_b', 'sess_b'])
  })

  it('moves to another session only through select(), which then sticks', () => {
    const { store, emitted } = setup()
    store.apply(client([session('sess_a'), session('sess_b')], 'sess_b'))
    store.goLive()
    store.select('sess_a')
    expect(store.state?.session?.id).toBe('sess_a')
    store.apply(client([session('sess_a'), session('sess_b')], 'sess_b', { updated_at: 1730400000000 }))
    expect(store.state?.session?.id).toBe('sess_a')
    expect(emitted.map(r => r.session?.id)).toEqual(['sess_b', 'sess_a', 'sess_a'])
  })

  it('does not emit for select() of the session that is already current', () => {
    const { store, emitted } = setup()
    store.apply(client([session('sess_a'), session('sess_b')], 'sess_a'))
    store.goLive()
    store.select('sess_a')
    expect(emitted).toHaveLength(1)
  })

  it('falls back to last_active_session_id once this tab\'s session ended or was removed', () => {
    const { store } = setup()
    store.apply(client([session('sess_a'), session('sess_b'), session('sess_c')], 'sess_a'))
    store.select('sess_c')
    store.apply(client([session('sess_a'), session('sess_b'), session('sess_c', { status: 'ended', last_active_token: null })], 'sess_b'))
    expect(store.state?.session?.id).toBe('sess_b')
    store.apply(client([session('sess_a')], 'sess_a'))
    expect(store.state?.session?.id).toBe('sess_a')
  })

  it('falls back to the first signed-in session when the named one ended', () => {
    const { store } = setup()
    store.apply(client([session('sess_a', { status: 'ended', last_active_token: null }), session('sess_b')], 'sess_a'))
    expect(store.state?.session?.id).toBe('sess_b')
  })

  it('drops a session that vanished from the client, with its cached tokens', () => {
    const { store, tokens } = setup()
    store.apply(client([session('sess_a'), session('sess_b')], 'sess_a'))
    store.apply(client([session('sess_a')], 'sess_a'))
    expect(store.state?.client.sessions.map(s => s.id)).toEqual(['sess_a'])
    expect(tokens.peek({ sessionId: 'sess_b' })).toBeNull()
  })

  it('is signed out (session and user null, client kept) when no session is left', () => {
    const { store } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    store.apply(client([], null))
    expect(store.state?.session).toBeNull()
    expect(store.state?.user).toBeNull()
    expect(store.state?.client.id).toBe('client_2xyz')
  })

  it('turns a missing client into an empty one with a usable sign-in', () => {
    const { store } = setup()
    store.apply(null)
    expect(store.state?.client.id).toBe('')
    expect(store.state?.client.signIn.id).toBe('')
    expect(store.state?.session).toBeNull()
  })

  it('commits and emits once after a hold, however many payloads arrived in it', async () => {
    const { store, emitted } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    store.goLive()
    await store.hold(async () => {
      store.apply(client([session('sess_a'), session('sess_b')], 'sess_a'))
      store.apply(client([session('sess_a'), session('sess_b')], 'sess_b'))
      store.select('sess_b')
      expect(store.state?.session?.id).toBe('sess_a')
      expect(store.state?.client.sessions).toHaveLength(1)
      expect(store.latest?.session?.id).toBe('sess_b')
    })
    expect(emitted).toHaveLength(2)
    expect(emitted[1]?.session?.id).toBe('sess_b')
  })

  it('calls a new listener at once when live, unless told not to', () => {
    const { store } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    store.goLive()
    const seen: string[] = []
    store.subscribe(r => seen.push(`now:${r.session?.id}`))
    store.subscribe(r => seen.push(`skip:${r.session?.id}`), { skipInitialEmit: true })
    expect(seen).toEqual(['now:sess_a'])
  })

  it('stops calling a listener once it unsubscribed', () => {
    const { store } = setup()
    store.goLive()
    const seen: unknown[] = []
    const off = store.subscribe(r => seen.push(r), { skipInitialEmit: true })
    store.apply(client([session('sess_a')], 'sess_a'))
    off()
    store.apply(client([], null))
    expect(seen).toHaveLength(1)
  })

  it('derives the active organization from the user\'s membership', () => {
    const { store } = setup()
    store.apply(client([session('sess_a', { last_active_organization_id: 'org_2marine' })], 'sess_a'))
    expect(store.state?.organization?.slug).toBe('marine-projex')
  })
})
