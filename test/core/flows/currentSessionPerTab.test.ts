// @vitest-environment node
import type { Clerk } from '../../../src/core'
import { describe, expect, it } from 'vitest'
import { createTestClerk, createTestServer } from '../../helpers/createTestClerk'
import { signUpTestUser, TEST_PASSWORD } from '../../helpers/signUpTestUser'

// Two tabs of one browser (two Clerks sharing the cookie jar, so one client on the server) without a
// BroadcastChannel: each tab only learns what the other did from the clients piggybacked on its own
// calls, whose last_active_session_id names whichever tab switched last.

async function signIn(clerk: Clerk, email: string): Promise<string> {
  const signIn = clerk.client!.signIn
  await signIn.create({ identifier: email, password: TEST_PASSWORD })
  await clerk.setActive({ session: signIn.createdSessionId })
  return signIn.createdSessionId!
}

/** Tab A signed Ada, then Bob in (Bob current); tab B opened afterwards (Bob current too). */
async function twoTabsTwoAccounts() {
  const server = await createTestServer({ sessionMode: 'multi', signUp: { firstName: 'optional' } })
  for (const email of ['ada@example.com', 'bob@example.com'])
    await (await signUpTestUser(server, email)).clerk.signOut()
  const browser = server.browser()
  const a = createTestClerk(server, { browser }).clerk
  await a.load()
  const ada = await signIn(a, 'ada@example.com')
  const bob = await signIn(a, 'bob@example.com')
  const b = createTestClerk(server, { browser }).clerk
  await b.load()
  return { a, b, ada, bob }
}

const emailOf = (clerk: Clerk): string | undefined => clerk.user?.primaryEmailAddress?.emailAddress

describe('the current session of a tab', () => {
  it('is not moved by a client payload naming the session another tab selected', async () => {
    const { a, b, ada, bob } = await twoTabsTwoAccounts()
    expect([a.session?.id, b.session?.id]).toEqual([bob, bob])
    await b.setActive({ session: ada })

    const switches: (string | undefined)[] = []
    a.addListener(({ session }) => switches.push(session?.id), { skipInitialEmit: true })
    // an ordinary call of tab A: its answer carries the client, last active session and all
    await a.user!.update({ firstName: 'Bob' })
    expect(a.client!.lastActiveSessionId).toBe(ada)
    expect(a.session?.id).toBe(bob)
    expect(emailOf(a)).toBe('bob@example.com')
    expect(a.user?.firstName).toBe('Bob')
    expect(switches).toEqual([bob])
    expect(b.session?.id).toBe(ada)
  })

  it('moves when the tab itself calls setActive, and stays there', async () => {
    const { a, b, ada, bob } = await twoTabsTwoAccounts()
    await a.setActive({ session: ada })
    await b.setActive({ session: bob })
    await a.session!.reload()
    await a.user!.update({ firstName: 'Ada' })
    expect(a.client!.lastActiveSessionId).toBe(bob)
    expect([a.session?.id, emailOf(a)]).toEqual([ada, 'ada@example.com'])
  })

  it('falls back to the client\'s last active session once another tab signed it out', async () => {
    const { a, b, ada, bob } = await twoTabsTwoAccounts()
    await b.signOut({ sessionId: bob })
    expect(b.session?.id).toBe(ada)
    // tab A still shows Bob until an answer tells it his session is gone
    expect(a.session?.id).toBe(bob)
    await a.client!.signIn.create({ identifier: 'nobody@example.com' }).catch(() => {})
    await a.user!.reload().catch(() => {})
    expect(a.client!.signedInSessions.map(s => s.id)).toEqual([ada])
    expect([a.session?.id, emailOf(a)]).toEqual([ada, 'ada@example.com'])
  })
})
