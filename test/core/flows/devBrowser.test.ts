// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { buildPublishableKey } from '../../../src/contract'
import { Clerk } from '../../../src/core'
import { createTestClerk, createTestServer, PROXY_URL } from '../../helpers/createTestClerk'
import { TEST_PASSWORD } from '../../helpers/signUpTestUser'

describe('development instance (dev browser)', () => {
  it('runs the dev-browser flow for a pk_test_ key of a dev host, and touches the environment on load', async () => {
    const server = await createTestServer({ instanceType: 'development' })
    const browser = server.browser()
    const clerk = new Clerk(buildPublishableKey('clerk.portico.lcl.dev', 'development'), {
      proxyUrl: PROXY_URL,
      fetch: browser.fetch,
      window: null,
      tokenCache: { backgroundRefresh: false, BroadcastChannel: null, window: null, document: null },
    })
    try {
      await clerk.load()
      expect(browser.requests).toEqual(['POST /v1/dev_browser', 'PATCH /v1/environment', 'GET /v1/client'])
      expect(clerk.environment?.isDevelopmentOrStaging()).toBe(true)
    }
    finally {
      clerk.destroy()
    }
  })

  it('identifies the browser by its dev-browser token and signs up with a +clerk_test email', async () => {
    const server = await createTestServer({ instanceType: 'development' })
    const { clerk, browser } = createTestClerk(server, { devBrowser: true })
    await clerk.load()
    expect(browser.requests[0]).toBe('POST /v1/dev_browser')

    const signUp = clerk.client!.signUp
    await signUp.create({ emailAddress: 'ada+clerk_test@example.com', password: TEST_PASSWORD })
    await signUp.prepareEmailAddressVerification()
    await signUp.attemptEmailAddressVerification({ code: '424242' })
    await clerk.setActive({ session: signUp.createdSessionId })
    expect(clerk.isSignedIn).toBe(true)
    // no cookie: the dev-browser token alone carries the client
    expect(browser.cookies.has('__client')).toBe(false)
  })

  it('finds the same client again through the same dev-browser token', async () => {
    const server = await createTestServer({ instanceType: 'development' })
    const store = { token: null as string | null }
    const devBrowserStore = { getToken: () => store.token, setToken: (token: string | null) => void (store.token = token) }
    const first = createTestClerk(server, { devBrowser: true, devBrowserStore })
    await first.clerk.load()
    await first.clerk.client!.signUp.create({ emailAddress: 'ada+clerk_test@example.com', password: TEST_PASSWORD })

    const second = createTestClerk(server, { devBrowser: true, devBrowserStore })
    await second.clerk.load()
    expect(second.clerk.client!.id).toBe(first.clerk.client!.id)
    expect(second.clerk.client!.signUp.emailAddress).toBe('ada+clerk_test@example.com')
  })
})
