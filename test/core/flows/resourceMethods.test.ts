// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ClerkAPIResponseError } from '../../../src/core'
import { createTestClerk, createTestServer } from '../../helpers/createTestClerk'
import { signUpTestUser, TEST_PASSWORD } from '../../helpers/signUpTestUser'

describe('session methods', () => {
  it('reload() re-reads the session in place', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    const session = clerk.session!
    expect(await session.reload()).toBe(session)
    expect(session.status).toBe('active')
    expect(session.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com')
  })

  it('touch() records the use and keeps the session current', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    const session = clerk.session!
    const before = session.lastActiveAt.getTime()
    server.advance(60_000)
    await session.touch()
    expect(session.lastActiveAt.getTime()).toBeGreaterThan(before)
    expect(clerk.session?.id).toBe(session.id)
  })

  it('end() ends the session and signs the browser out', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    const session = clerk.session!
    await session.end()
    expect(session.status).toBe('ended')
    expect(clerk.isSignedIn).toBe(false)
  })

  it('setActive({ session: null }) removes the current session', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    await clerk.setActive({ session: null })
    expect(clerk.session).toBeNull()
  })

  it('setActive() refuses a session that is not part of the client', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    await expect(clerk.setActive({ session: 'sess_unknown' })).rejects.toThrow(/not part of this client/)
  })

  it('setActive({ redirectUrl }) navigates before telling listeners', async () => {
    const server = await createTestServer()
    await (await signUpTestUser(server, 'ada@example.com')).clerk.signOut()
    const { clerk, navigations } = createTestClerk(server)
    await clerk.load()
    await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: TEST_PASSWORD })
    const seen: string[] = []
    clerk.addListener(() => seen.push(`emit after ${navigations.length} navigation(s)`), { skipInitialEmit: true })
    await clerk.setActive({ session: clerk.client!.signIn.createdSessionId, redirectUrl: '/dashboard' })
    expect(navigations).toEqual(['/dashboard'])
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every(line => line === 'emit after 1 navigation(s)')).toBe(true)
  })

  it('revoke() of a listed session signs that device out', async () => {
    const server = await createTestServer({ sessionMode: 'multi' })
    const phone = await signUpTestUser(server, 'ada@example.com')
    const laptop = createTestClerk(server)
    await laptop.clerk.load()
    await laptop.clerk.client!.signIn.create({ identifier: 'ada@example.com', password: TEST_PASSWORD })
    await laptop.clerk.setActive({ session: laptop.clerk.client!.signIn.createdSessionId })

    const listed = await phone.clerk.user!.getSessions()
    expect(listed).toHaveLength(2)
    await listed.find(s => s.id === laptop.clerk.session!.id)!.revoke()
    expect((await phone.clerk.user!.getSessions()).map(s => s.id)).toEqual([phone.clerk.session!.id])
  })
})

describe('signIn and SignUp methods', () => {
  it('signIn.reload() re-reads the attempt', async () => {
    const server = await createTestServer()
    await (await signUpTestUser(server, 'ada@example.com')).clerk.signOut()
    const { clerk } = createTestClerk(server)
    await clerk.load()
    const signIn = clerk.client!.signIn
    await signIn.create({ identifier: 'ada@example.com' })
    const id = signIn.id
    expect(await signIn.reload()).toBe(signIn)
    expect(signIn.id).toBe(id)
    expect(signIn.status).toBe('needs_first_factor')
    expect(signIn.identifier).toBe('ada@example.com')
  })

  it('signIn methods need a created sign-in first', async () => {
    const server = await createTestServer()
    const { clerk } = createTestClerk(server)
    await clerk.load()
    await expect(clerk.client!.signIn.attemptFirstFactor({ strategy: 'password', password: 'x' })).rejects.toThrow(/signIn.create/)
  })

  it('reports that second factors are not available for this user', async () => {
    const server = await createTestServer()
    await (await signUpTestUser(server, 'ada@example.com')).clerk.signOut()
    const { clerk } = createTestClerk(server)
    await clerk.load()
    const signIn = clerk.client!.signIn
    await signIn.create({ identifier: 'ada@example.com' })
    const error = await signIn.prepareSecondFactor({ strategy: 'email_code' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
  })

  it('signUp.update() adds fields and reload() reads them back', async () => {
    const server = await createTestServer({ signUp: { firstName: 'optional' } })
    const { clerk } = createTestClerk(server)
    await clerk.load()
    const signUp = clerk.client!.signUp
    await signUp.create({ emailAddress: 'ada@example.com' })
    expect(signUp.missingFields).toContain('password')
    await signUp.update({ password: TEST_PASSWORD, firstName: 'Ada' })
    expect(signUp.missingFields).not.toContain('password')
    expect(signUp.firstName).toBe('Ada')
    await signUp.reload()
    expect(signUp.hasPassword).toBe(true)
  })
})

describe('client methods', () => {
  it('destroy() drops the browser\'s client: signed out, a fresh client next time', async () => {
    const server = await createTestServer()
    const { clerk, browser } = await signUpTestUser(server, 'ada@example.com')
    await clerk.client!.destroy()
    expect(clerk.session).toBeNull()
    expect(clerk.client?.id).toBe('')
    const reloaded = createTestClerk(server, { browser })
    await reloaded.clerk.load()
    expect(reloaded.clerk.client?.id).toBe('')
  })

  it('removeSessions() signs every session out and keeps the client', async () => {
    const server = await createTestServer()
    const { clerk } = await signUpTestUser(server, 'ada@example.com')
    const id = clerk.client!.id
    await clerk.client!.removeSessions()
    expect(clerk.isSignedIn).toBe(false)
    expect(clerk.client!.id).toBe(id)
  })
})
