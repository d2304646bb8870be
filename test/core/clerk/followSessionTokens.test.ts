import type { SessionTokenUpdate } from '../../../src/core'
import type { Resources } from '../../../src/core/clerk/createClientStore'
import { afterEach, describe, expect, it } from 'vitest'
import { createClientStore } from '../../../src/core/clerk/createClientStore'
import { createTokenCache } from '../../../src/core/tokens'
import { client, freshJwt, offlineContext, session } from './clientStoreFixtures'

// A fresh session token changes no resource, so the store emits no snapshot for it; the session
// objects still carry it (`lastActiveToken`) and token listeners hear of it.

const NOW_S = Math.floor(Date.now() / 1000)
const destroyers: (() => void)[] = []
afterEach(() => {
  for (const destroy of destroyers.splice(0))
    destroy()
})

/** A store over a real token cache whose "server" mints the JWT the test hands it next. */
function setup() {
  let next = freshJwt('sess_a', NOW_S + 10)
  const tokens = createTokenCache({
    fetchToken: async () => next,
    backgroundRefresh: false,
    BroadcastChannel: null,
    window: null,
    document: null,
  })
  const store = createClientStore(offlineContext(tokens), tokens)
  destroyers.push(() => store.destroy(), () => tokens.destroy())
  const emitted: Resources[] = []
  const heard: SessionTokenUpdate[] = []
  store.subscribe(resources => emitted.push(resources))
  store.onToken(update => heard.push(update))
  return { tokens, store, emitted, heard, mint: (jwt: string) => (next = jwt) }
}

describe('session tokens of the current snapshot', () => {
  it('follow a token fetched with skipCache: same session object, new lastActiveToken, no emit', async () => {
    const { tokens, store, emitted, heard } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    store.goLive()
    const current = store.state!.session!
    const jwt = await tokens.getToken({ sessionId: 'sess_a', skipCache: true })
    expect(store.state?.session).toBe(current)
    expect(current.lastActiveToken?.getRawString()).toBe(jwt)
    expect(emitted).toHaveLength(1)
    expect(heard).toHaveLength(1)
    expect(heard[0]?.session).toBe(current)
    expect(heard[0]?.source).toBe('fetch')
    expect(heard[0]?.token.jwt.claims.iat).toBe(NOW_S + 10)
  })

  it('tell listeners nothing for a token of another organization, or one not fresher', async () => {
    const { tokens, store, heard, mint } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    store.goLive()
    await tokens.getToken({ sessionId: 'sess_a', organizationId: 'org_2marine', skipCache: true })
    mint(freshJwt('sess_a', NOW_S - 30))
    await tokens.getToken({ sessionId: 'sess_a', template: 'supabase', skipCache: true })
    expect(heard).toEqual([])
    expect(store.state?.session?.lastActiveToken?.jwt.claims.iat).toBe(NOW_S)
  })

  it('stay silent before the store goes live (load() is still running)', async () => {
    const { tokens, store, heard } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    await tokens.getToken({ sessionId: 'sess_a', skipCache: true })
    expect(heard).toEqual([])
    expect(store.state?.session?.lastActiveToken?.jwt.claims.iat).toBe(NOW_S + 10)
  })

  it('are not lost when a later client payload carries an older last_active_token', async () => {
    const { tokens, store } = setup()
    store.apply(client([session('sess_a')], 'sess_a'))
    store.goLive()
    const fresh = await tokens.getToken({ sessionId: 'sess_a', skipCache: true })
    // a real change (the user was renamed) whose payload was minted before our fetch
    store.apply(client([session('sess_a', { user: { ...session('sess_a').user, first_name: 'Janet' } })], 'sess_a'))
    expect(store.state?.user?.firstName).toBe('Janet')
    expect(store.state?.session?.lastActiveToken?.getRawString()).toBe(fresh)
  })
})
