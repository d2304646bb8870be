import type { UseAuthReturn } from '../../src'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { useAuth } from '../../src'
import { decodeJwt, parseSessionClaims } from '../../src/contract'
import { adaAndBob } from '../core/organizations/orgTestHelpers'
import { createTestServer } from '../helpers/createTestClerk'
import { mountWithPlugin } from '../helpers/mountWithPlugin'
import { signUpTestUser } from '../helpers/signUpTestUser'

// The session token is refreshed about once a minute without any resource changing, so Clerk emits
// no snapshot for it; useAuth().sessionClaims (and has() for what only the token carries) must still
// follow the latest token.

afterEach(() => {
  vi.useRealTimers()
})

/** Mounts a component showing the token's `iat` through useAuth(); hands out what useAuth returned. */
function mountAuth(clerk: Parameters<typeof mountWithPlugin>[1]['clerk']) {
  let auth!: UseAuthReturn
  const wrapper = mountWithPlugin(defineComponent({
    setup() {
      auth = useAuth()
      return () => h('p', String(auth.sessionClaims.value?.iat))
    },
  }), { clerk })
  return { wrapper, auth: () => auth }
}

const iatOf = (jwt: string | null): unknown => jwt && decodeJwt(jwt).claims.iat

describe('useAuth().sessionClaims', () => {
  it('follow a token fetched with getToken({ skipCache: true })', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    const { wrapper, auth } = mountAuth(clerk)
    await flushPromises()
    const session = clerk.session
    expect(wrapper.text()).toBe(String(iatOf(clerk.session!.lastActiveToken!.getRawString())))

    server.advance(5_000)
    const fresh = await clerk.session!.getToken({ skipCache: true })
    await flushPromises()
    expect(auth().sessionClaims.value?.iat).toBe(iatOf(fresh))
    expect(wrapper.text()).toBe(String(iatOf(fresh)))
    // the session itself did not change
    expect(clerk.session).toBe(session)
  })

  it('follow the background refresh', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { clerk } = await signUpTestUser(await createTestServer(), 'ada@example.com', {
      tokenCache: { backgroundRefresh: true, BroadcastChannel: null, window: null, document: null, jitterMs: 0 },
    })
    const { wrapper, auth } = mountAuth(clerk)
    await flushPromises()
    const first = auth().sessionClaims.value?.iat as number
    // past the refresh point (70 % of the 60 s life): the cache fetches a new token on its own
    await vi.advanceTimersByTimeAsync(50_000)
    await vi.waitFor(() => expect(auth().sessionClaims.value?.iat).toBeGreaterThan(first))
    await flushPromises()
    expect(wrapper.text()).toBe(String(auth().sessionClaims.value?.iat))
    expect(auth().sessionClaims.value).toBe(clerk.session!.lastActiveToken!.jwt.claims)
  })

  it('follow a role changed on the server at once; has() and orgRole follow the client it then re-reads', async () => {
    const { server, ada, bob, org, bobId } = await adaAndBob()
    await org.addMember({ userId: bobId, role: 'org:member' })
    await bob.clerk.setActive({ organization: org.id })
    const { auth } = mountAuth(bob.clerk)
    await flushPromises()
    const roleIn = (claims: Record<string, unknown> | null | undefined) => claims && parseSessionClaims(claims).orgRole
    expect(roleIn(auth().sessionClaims.value)).toBe('org:member')
    expect(auth().has.value({ feature: 'o:invoices' })).toBe(false)

    // Ada makes Bob a billing manager from her browser; Bob's next token says so
    await ada.clerk.organization!.updateMember({ userId: bobId, role: 'org:billing' })
    server.advance(5_000)
    await bob.clerk.session!.getToken({ skipCache: true })
    // the claims (and what has() reads from them) with that very token, not one refresh later
    expect(roleIn(auth().sessionClaims.value)).toBe('org:billing')
    expect(auth().has.value({ feature: 'o:invoices' })).toBe(true)
    // the membership (role, permissions) once the client the disagreement sent for is in
    await vi.waitFor(() => expect(auth().orgRole.value).toBe('org:billing'))
    expect(auth().has.value({ role: 'org:billing', permission: 'org:invoices:create' })).toBe(true)
  })
})
