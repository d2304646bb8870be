// @vitest-environment node
import type { Resources } from '../../../src/core'
import { describe, expect, it } from 'vitest'
import { createTestClerk, createTestServer } from '../../helpers/createTestClerk'
import { signUpTestUser, TEST_PASSWORD } from '../../helpers/signUpTestUser'

function record(clerk: { addListener: (cb: (r: Resources) => void, o?: { skipInitialEmit?: boolean }) => () => void }) {
  const emits: Resources[] = []
  clerk.addListener(resources => emits.push(resources), { skipInitialEmit: true })
  return emits
}

describe('load()', () => {
  it('fetches the environment and the client in parallel, then emits once', async () => {
    const server = await createTestServer()
    const { clerk, browser } = createTestClerk(server)
    const emits = record(clerk)
    await clerk.load()
    expect(browser.requests).toEqual(['GET /v1/environment', 'GET /v1/client'])
    expect(clerk.loaded).toBe(true)
    expect(emits).toHaveLength(1)
    expect(emits[0]?.session).toBeNull()
    expect(clerk.environment?.displayConfig.applicationName).toBe('Portico')
  })

  it('gives an unknown browser an empty client whose signIn can be used', async () => {
    const server = await createTestServer()
    const { clerk } = createTestClerk(server)
    await clerk.load()
    expect(clerk.client?.id).toBe('')
    expect(clerk.client?.signIn.status).toBeNull()
    expect(clerk.isSignedIn).toBe(false)
  })

  it('comes out of load() of a signed-in browser with a token and no signed-out emit first', async () => {
    const server = await createTestServer()
    const { browser } = await signUpTestUser(server, 'ada@example.com')
    const { clerk } = createTestClerk(server, { browser })
    const emits = record(clerk)
    const before = browser.requests.length
    await clerk.load()
    expect(emits.map(e => e.session?.status ?? null)).toEqual(['active'])
    const jwt = await clerk.session!.getToken()
    expect(jwt).toBeTruthy()
    // the token came with the client (last_active_token): getToken() needed no request
    expect(browser.requests.slice(before)).toEqual(['GET /v1/environment', 'GET /v1/client'])
  })

  it('resolves ready once loaded, and load() twice loads once', async () => {
    const server = await createTestServer()
    const { clerk, browser } = createTestClerk(server)
    let ready = false
    void clerk.ready.then(() => {
      ready = true
    })
    await Promise.all([clerk.load(), clerk.load()])
    await Promise.resolve()
    expect(ready).toBe(true)
    expect(browser.requests).toHaveLength(2)
  })

  it('serves 1,000 concurrent getToken() calls from one cache entry', async () => {
    const server = await createTestServer()
    const { clerk, browser } = await signUpTestUser(server, 'ada@example.com')
    const before = browser.requests.length
    const jwts = await Promise.all(Array.from({ length: 1000 }, () => clerk.session!.getToken()))
    expect(new Set(jwts).size).toBe(1)
    expect(browser.requests.length - before).toBe(0)
  })

  it('shares one token request between 1,000 concurrent skipCache-free calls after expiry', async () => {
    const server = await createTestServer()
    const { clerk, browser } = await signUpTestUser(server, 'ada@example.com')
    clerk.session!.clearCache()
    const before = browser.requests.length
    const jwts = await Promise.all(Array.from({ length: 1000 }, () => clerk.session!.getToken()))
    expect(new Set(jwts).size).toBe(1)
    expect(browser.requests.slice(before)).toEqual([`POST /v1/client/sessions/${clerk.session!.id}/tokens`])
  })
})

describe('listeners', () => {
  it('hear one emit per real change', async () => {
    const server = await createTestServer()
    await (await signUpTestUser(server, 'ada@example.com')).clerk.signOut()
    const { clerk } = createTestClerk(server)
    await clerk.load()
    const emits = record(clerk)
    await clerk.client!.signIn.create({ identifier: 'ada@example.com' })
    expect(emits).toHaveLength(1)
    expect(emits[0]?.client.signIn.status).toBe('needs_first_factor')
  })

  it('hear nothing when only the tokens changed', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    const emits = record(clerk)
    const session = clerk.session
    const oldToken = session!.lastActiveToken!.getRawString()
    // later, the same client comes back with a freshly minted token
    server.advance(30_000)
    await clerk.handleUnauthenticated()
    expect(emits).toHaveLength(0)
    expect(clerk.session).toBe(session)
    expect(session!.lastActiveToken!.getRawString()).not.toBe(oldToken)
    expect(await clerk.session!.getToken()).toBe(session!.lastActiveToken!.getRawString())
  })

  it('never hear a signed-out state while a sign-in completes and becomes active', async () => {
    const server = await createTestServer()
    await (await signUpTestUser(server, 'ada@example.com')).clerk.signOut()
    const { clerk } = createTestClerk(server)
    await clerk.load()
    const emits = record(clerk)
    await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: TEST_PASSWORD })
    await clerk.setActive({ session: clerk.client!.signIn.createdSessionId })
    // one emit for the completed sign-in, at most one more for the touch of setActive
    expect(emits.length).toBeGreaterThanOrEqual(1)
    expect(emits.length).toBeLessThanOrEqual(2)
    expect(emits.every(e => e.session?.status === 'active')).toBe(true)
  })

  it('get new objects on a change', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    const before = { client: clerk.client, session: clerk.session, user: clerk.user }
    await clerk.signOut()
    await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: TEST_PASSWORD })
    expect(clerk.client).not.toBe(before.client)
    expect(clerk.session).not.toBe(before.session)
    expect(clerk.user).not.toBe(before.user)
    expect(clerk.user?.id).toBe(before.user?.id)
  })

  it('stop hearing after unsubscribe and after destroy()', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    const heard: unknown[] = []
    const off = clerk.addListener(r => heard.push(r), { skipInitialEmit: true })
    off()
    const kept: unknown[] = []
    clerk.addListener(r => kept.push(r), { skipInitialEmit: true })
    clerk.destroy()
    await clerk.signOut().catch(() => {})
    expect(heard).toHaveLength(0)
    expect(kept).toHaveLength(0)
  })
})
