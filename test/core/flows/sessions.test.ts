// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createTestClerk, createTestServer } from '../../helpers/createTestClerk'
import { signUpTestUser, TEST_PASSWORD } from '../../helpers/signUpTestUser'

/** A multi-session server with two users, and one browser signed in as both (Ada first, then Bob). */
async function twoAccounts() {
  const server = await createTestServer({ sessionMode: 'multi' })
  for (const email of ['ada@example.com', 'bob@example.com'])
    await (await signUpTestUser(server, email)).clerk.signOut()
  const test = createTestClerk(server)
  const { clerk } = test
  await clerk.load()
  for (const email of ['ada@example.com', 'bob@example.com']) {
    const signIn = clerk.client!.signIn
    await signIn.create({ identifier: email, password: TEST_PASSWORD })
    await clerk.setActive({ session: signIn.createdSessionId })
  }
  const idOf = (email: string) => clerk.client!.signedInSessions.find(s => s.publicUserData.identifier === email)!.id
  return { server, ...test, ada: idOf('ada@example.com'), bob: idOf('bob@example.com') }
}

describe('multi-session', () => {
  it('adds a second account next to the first', async () => {
    const { clerk, ada, bob } = await twoAccounts()
    expect(clerk.client!.signedInSessions).toHaveLength(2)
    expect(clerk.session?.id).toBe(bob)
    expect(clerk.client!.lastActiveSessionId).toBe(bob)
    expect(ada).not.toBe(bob)
  })

  it('switches between accounts with setActive', async () => {
    const { clerk, ada } = await twoAccounts()
    await clerk.setActive({ session: ada })
    expect(clerk.session?.id).toBe(ada)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com')
    expect(clerk.client!.lastActiveSessionId).toBe(ada)
  })

  it('runs beforeEmit with the new session before listeners hear of it', async () => {
    const { clerk, ada } = await twoAccounts()
    const order: string[] = []
    clerk.addListener(({ session }) => order.push(`emit:${session?.id}`), { skipInitialEmit: true })
    await clerk.setActive({
      session: ada,
      beforeEmit: (session) => {
        order.push(`before:${session?.id}`)
        expect(clerk.session?.id).not.toBe(ada)
      },
    })
    expect(order).toEqual([`before:${ada}`, `emit:${ada}`])
  })

  it('gives each account its own token', async () => {
    const { clerk, ada, bob } = await twoAccounts()
    const sessions = clerk.client!.signedInSessions
    const tokens = await Promise.all(sessions.map(s => s.getToken()))
    const sids = tokens.map(jwt => JSON.parse(atob(jwt!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).sid)
    expect(sids.sort()).toEqual([ada, bob].sort())
  })

  it('signs one account out and keeps the other', async () => {
    const { clerk, ada, bob, navigations } = await twoAccounts()
    await clerk.signOut({ sessionId: bob })
    expect(clerk.client!.signedInSessions.map(s => s.id)).toEqual([ada])
    expect(clerk.session?.id).toBe(ada)
    expect(clerk.isSignedIn).toBe(true)
    // the current session went away, so Clerk navigated to the after-sign-out page
    expect(navigations).toEqual(['/'])
  })

  it('signs a background account out without navigating', async () => {
    const { clerk, ada, bob, navigations } = await twoAccounts()
    await clerk.signOut({ sessionId: ada })
    expect(clerk.session?.id).toBe(bob)
    expect(navigations).toEqual([])
  })

  it('signs every account out by default', async () => {
    const { clerk, navigations } = await twoAccounts()
    await clerk.signOut({ redirectUrl: '/goodbye' })
    expect(clerk.client!.signedInSessions).toHaveLength(0)
    expect(clerk.session).toBeNull()
    expect(clerk.user).toBeNull()
    expect(clerk.isSignedIn).toBe(false)
    expect(navigations).toEqual(['/goodbye'])
  })

  it('keeps the browser\'s client after signing out of everything', async () => {
    const { clerk } = await twoAccounts()
    const clientId = clerk.client!.id
    await clerk.signOut()
    expect(clerk.client!.id).toBe(clientId)
  })

  it('forgets the cached tokens of signed-out sessions', async () => {
    const { clerk } = await twoAccounts()
    const stale = clerk.session!
    expect(await stale.getToken()).toBeTruthy()
    await clerk.signOut()
    // the old object cannot get its cached token back: the server refuses a new one
    expect(await stale.getToken().catch(() => null)).toBeNull()
    expect(clerk.session).toBeNull()
  })
})

describe('single-session sign-out', () => {
  it('signs out and lands on afterSignOutUrl', async () => {
    const server = await createTestServer()
    const { clerk, navigations } = await signUpTestUser(server, 'ada@example.com', { afterSignOutUrl: '/signed-out' })
    await clerk.signOut()
    expect(clerk.isSignedIn).toBe(false)
    expect(navigations).toEqual(['/signed-out'])
  })

  it('stays signed out after a reload of the page', async () => {
    const server = await createTestServer()
    const { clerk, browser } = await signUpTestUser(server, 'ada@example.com')
    await clerk.signOut()
    const reloaded = createTestClerk(server, { browser })
    await reloaded.clerk.load()
    expect(reloaded.clerk.session).toBeNull()
  })

  it('restores the session on a reload of the page (the __client cookie)', async () => {
    const server = await createTestServer()
    const { clerk, browser } = await signUpTestUser(server, 'ada@example.com')
    const reloaded = createTestClerk(server, { browser })
    await reloaded.clerk.load()
    expect(reloaded.clerk.session?.id).toBe(clerk.session?.id)
    expect(reloaded.clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com')
  })
})

describe('another tab signing out', () => {
  it('is noticed on the next call: the 401 makes Clerk re-read the client', async () => {
    const server = await createTestServer()
    const first = await signUpTestUser(server, 'ada@example.com')
    const second = createTestClerk(server, { browser: first.browser })
    await second.clerk.load()
    expect(second.clerk.isSignedIn).toBe(true)

    await first.clerk.signOut()
    const error = await second.clerk.session!.getToken({ skipCache: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(second.clerk.isSignedIn).toBe(false)
    expect(second.clerk.session).toBeNull()
  })
})
