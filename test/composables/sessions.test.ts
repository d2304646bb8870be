import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useAuth, useClerk, useSession, useSessionList, useUser } from '../../src'
import { createTestClerk, createTestServer } from '../helpers/createTestClerk'
import { mountWithPlugin } from '../helpers/mountWithPlugin'
import { signUpTestUser, TEST_PASSWORD } from '../helpers/signUpTestUser'

/** One browser signed in as Ada, then as Bob (multi-session), with every composable mounted. */
async function twoAccounts() {
  const server = await createTestServer({ sessionMode: 'multi' })
  const ids: Record<string, string> = {}
  for (const email of ['ada@example.com', 'bob@example.com']) {
    const { clerk } = await signUpTestUser(server, email)
    ids[email] = clerk.user!.id
    await clerk.signOut()
  }
  const { clerk } = createTestClerk(server)
  await clerk.load()
  for (const email of ['ada@example.com', 'bob@example.com']) {
    const signIn = clerk.client!.signIn
    await signIn.create({ identifier: email, password: TEST_PASSWORD })
    await clerk.setActive({ session: signIn.createdSessionId })
  }
  let seen!: { auth: ReturnType<typeof useAuth>, user: ReturnType<typeof useUser>, session: ReturnType<typeof useSession>, list: ReturnType<typeof useSessionList>, clerk: ReturnType<typeof useClerk> }
  const wrapper = mountWithPlugin(defineComponent({
    setup() {
      seen = { auth: useAuth(), user: useUser(), session: useSession(), list: useSessionList(), clerk: useClerk() }
      return () => h('p', [
        seen.auth.userId.value,
        seen.user.user.value?.primaryEmailAddress?.emailAddress,
        seen.session.session.value?.id,
        seen.list.sessions.value?.length,
        seen.clerk.value.user?.id,
      ].join(' '))
    },
  }), { clerk })
  const sessionOf = (email: string) => clerk.client!.signedInSessions.find(s => s.publicUserData.identifier === email)!.id
  return { clerk, wrapper, seen, ada: { userId: ids['ada@example.com']!, sessionId: sessionOf('ada@example.com') }, bob: { userId: ids['bob@example.com']!, sessionId: sessionOf('bob@example.com') } }
}

describe('session composables against the real server', () => {
  it('list every signed-in session of the client', async () => {
    const { seen, ada, bob } = await twoAccounts()
    expect(seen.list.isLoaded.value).toBe(true)
    expect(seen.list.sessions.value?.map(s => s.id).sort()).toEqual([ada.sessionId, bob.sessionId].sort())
    expect(seen.session.session.value?.id).toBe(bob.sessionId)
  })

  it('switching sessions with setActive updates every composable', async () => {
    const { wrapper, seen, ada, bob } = await twoAccounts()
    expect(wrapper.text()).toBe(`${bob.userId} bob@example.com ${bob.sessionId} 2 ${bob.userId}`)
    await seen.list.setActive.value!({ session: ada.sessionId })
    await flushPromises()
    expect(wrapper.text()).toBe(`${ada.userId} ada@example.com ${ada.sessionId} 2 ${ada.userId}`)
    expect(seen.auth.sessionId.value).toBe(ada.sessionId)
    expect(seen.auth.sessionClaims.value?.sid).toBe(ada.sessionId)
    expect(seen.session.isSignedIn.value).toBe(true)
  })

  it('signing one account out leaves the other current', async () => {
    const { wrapper, seen, ada, bob } = await twoAccounts()
    await seen.auth.signOut.value({ sessionId: bob.sessionId })
    await flushPromises()
    expect(wrapper.text()).toMatch(new RegExp(`^${ada.userId} ada@example.com ${ada.sessionId} \\d ${ada.userId}$`))
    expect(seen.list.sessions.value?.filter(s => s.status === 'active').map(s => s.id)).toEqual([ada.sessionId])
  })
})
