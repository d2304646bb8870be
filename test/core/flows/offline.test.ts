// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ClerkOfflineError } from '../../../src/core'
import { createTestServer } from '../../helpers/createTestClerk'
import { signUpTestUser } from '../../helpers/signUpTestUser'

describe('offline', () => {
  it('serves the cached token and stays signed in when the network is gone', async () => {
    const server = await createTestServer()
    const { clerk, browser } = await signUpTestUser(server, 'ada@example.com')
    const cached = await clerk.session!.getToken()
    browser.offline = true
    expect(await clerk.session!.getToken({ skipCache: true })).toBe(cached)
    expect(clerk.isSignedIn).toBe(true)
  })

  it('fails a mutation with ClerkOfflineError and leaves the state alone', async () => {
    const server = await createTestServer()
    const { clerk, browser } = await signUpTestUser(server, 'ada@example.com')
    const session = clerk.session
    browser.offline = true
    await expect(clerk.signOut()).rejects.toBeInstanceOf(ClerkOfflineError)
    expect(clerk.session).toBe(session)
    expect(clerk.isSignedIn).toBe(true)
  })

  it('raises ClerkOfflineError when no token is cached at all', async () => {
    const server = await createTestServer()
    const { clerk, browser } = await signUpTestUser(server, 'ada@example.com')
    clerk.session!.clearCache()
    browser.offline = true
    await expect(clerk.session!.getToken()).rejects.toBeInstanceOf(ClerkOfflineError)
    expect(clerk.isSignedIn).toBe(true)
  })
})
