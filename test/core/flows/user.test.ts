// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ClerkAPIResponseError } from '../../../src/core'
import { createTestClerk, createTestServer } from '../../helpers/createTestClerk'
import { signUpTestUser, TEST_PASSWORD } from '../../helpers/signUpTestUser'

async function signedIn(config: Parameters<typeof createTestServer>[0] = {}) {
  const server = await createTestServer({ ...config, signUp: { firstName: 'optional', lastName: 'optional', username: 'optional', ...config.signUp } })
  const test = await signUpTestUser(server, 'ada@example.com')
  return { server, ...test }
}

describe('profile', () => {
  it('updates names and shows them on clerk.user', async () => {
    const { clerk } = await signedIn()
    const user = clerk.user!
    const updated = await user.update({ firstName: 'Ada', lastName: 'Lovelace' })
    expect(updated).toBe(user)
    expect(user.fullName).toBe('Ada Lovelace')
    expect(clerk.user?.fullName).toBe('Ada Lovelace')
    expect(clerk.user).not.toBe(user)
  })

  it('merges unsafe metadata with updateMetadata', async () => {
    const { clerk } = await signedIn()
    await clerk.user!.updateMetadata({ unsafeMetadata: { theme: 'dark', beta: true } })
    await clerk.user!.updateMetadata({ unsafeMetadata: { beta: null, lang: 'en' } })
    expect(clerk.user!.unsafeMetadata).toEqual({ theme: 'dark', lang: 'en' })
  })

  it('replaces unsafe metadata with update({ unsafeMetadata })', async () => {
    const { clerk } = await signedIn()
    await clerk.user!.updateMetadata({ unsafeMetadata: { theme: 'dark' } })
    await clerk.user!.update({ unsafeMetadata: { lang: 'fr' } })
    expect(clerk.user!.unsafeMetadata).toEqual({ lang: 'fr' })
  })

  it('reloads the user from the server', async () => {
    const { server, clerk, browser } = await signedIn()
    const tab = createTestClerk(server, { browser })
    await tab.clerk.load()
    await tab.clerk.user!.update({ firstName: 'Countess' })
    const user = await clerk.user!.reload()
    expect(user.firstName).toBe('Countess')
  })

  it('lists the user\'s active sessions', async () => {
    const { clerk } = await signedIn()
    const sessions = await clerk.user!.getSessions()
    expect(sessions.map(s => s.id)).toEqual([clerk.session!.id])
    expect(sessions[0]?.lastActiveAt).toBeInstanceOf(Date)
  })
})

describe('email addresses', () => {
  it('adds, verifies, makes primary and removes an email', async () => {
    const { server, clerk } = await signedIn()
    const added = await clerk.user!.createEmailAddress({ email: 'ada@work.example' })
    expect(added.verification.status).toBeNull()
    expect(clerk.user!.emailAddresses.map(e => e.emailAddress)).toContain('ada@work.example')

    await added.prepareVerification({ strategy: 'email_code' })
    expect(added.verification.status).toBe('unverified')
    await added.attemptVerification({ code: await server.latestCode('ada@work.example') })
    expect(added.verification.status).toBe('verified')

    await clerk.user!.update({ primaryEmailAddressId: added.id })
    expect(clerk.user!.primaryEmailAddress?.emailAddress).toBe('ada@work.example')

    const old = clerk.user!.emailAddresses.find(e => e.emailAddress === 'ada@example.com')!
    await old.destroy()
    expect(clerk.user!.emailAddresses.map(e => e.emailAddress)).toEqual(['ada@work.example'])
  })

  it('refuses an email that belongs to someone else', async () => {
    const { server, clerk } = await signedIn()
    await (await signUpTestUser(server, 'bob@example.com')).clerk.signOut()
    const error = await clerk.user!.createEmailAddress({ email: 'bob@example.com' }).catch((e: unknown) => e)
    expect((error as ClerkAPIResponseError).errors[0]?.code).toBe('form_identifier_exists')
  })

  it('rejects a wrong verification code', async () => {
    const { clerk } = await signedIn()
    const added = await clerk.user!.createEmailAddress({ email: 'ada@work.example' })
    await added.prepareVerification({ strategy: 'email_code' })
    const error = await added.attemptVerification({ code: '000000' }).catch((e: unknown) => e)
    expect((error as ClerkAPIResponseError).errors[0]?.code).toBe('form_code_incorrect')
  })
})

describe('passwords', () => {
  it('changes the password; the new one signs in', async () => {
    const { clerk } = await signedIn()
    await clerk.user!.updatePassword({ currentPassword: TEST_PASSWORD, newPassword: 'another-Long-secret-99' })
    await clerk.signOut()
    const signIn = clerk.client!.signIn
    await signIn.create({ identifier: 'ada@example.com', password: 'another-Long-secret-99' })
    expect(signIn.status).toBe('complete')
  })

  it('refuses a wrong current password', async () => {
    const { clerk } = await signedIn()
    const error = await clerk.user!.updatePassword({ currentPassword: 'wrong-Password-11', newPassword: 'another-Long-secret-99' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect((error as ClerkAPIResponseError).errors[0]?.code).toBe('form_password_incorrect')
  })

  it('signs the other devices out when asked', async () => {
    const { server, clerk } = await signedIn()
    const laptop = createTestClerk(server)
    await laptop.clerk.load()
    await laptop.clerk.client!.signIn.create({ identifier: 'ada@example.com', password: TEST_PASSWORD })
    await laptop.clerk.setActive({ session: laptop.clerk.client!.signIn.createdSessionId })

    await clerk.user!.updatePassword({ currentPassword: TEST_PASSWORD, newPassword: 'another-Long-secret-99', signOutOfOtherSessions: true })
    expect(clerk.isSignedIn).toBe(true)

    // the laptop learns it on its next call: a 401 makes Clerk re-read the client
    await laptop.clerk.session!.getToken({ skipCache: true }).catch(() => null)
    expect(laptop.clerk.isSignedIn).toBe(false)
    expect(laptop.clerk.session).toBeNull()
  })

  it('keeps the other devices signed in by default', async () => {
    const { server, clerk } = await signedIn()
    const laptop = createTestClerk(server)
    await laptop.clerk.load()
    await laptop.clerk.client!.signIn.create({ identifier: 'ada@example.com', password: TEST_PASSWORD })
    await laptop.clerk.setActive({ session: laptop.clerk.client!.signIn.createdSessionId })
    await clerk.user!.updatePassword({ currentPassword: TEST_PASSWORD, newPassword: 'another-Long-secret-99' })
    expect(await laptop.clerk.session!.getToken({ skipCache: true })).toBeTruthy()
    expect(laptop.clerk.isSignedIn).toBe(true)
  })

  it('deletes the account and signs out', async () => {
    const { clerk } = await signedIn()
    await clerk.user!.delete()
    expect(clerk.isSignedIn).toBe(false)
    expect(clerk.user).toBeNull()
  })
})
