// @vitest-environment node
import type { Clerk, Resources } from '../../../src/core'
import type { TestBrowser } from '../../helpers/createTestClerk'
import { describe, expect, it } from 'vitest'
import { adaAndBob } from './orgTestHelpers'

// Ada, an admin, changes Bob's membership from her browser. Bob's client holds the old membership until
// it reads the client again; his next session token, minted from the server's data, tells it to.

const clientReads = (browser: TestBrowser): number => browser.requests.filter(request => request === 'GET /v1/client').length

/** Resolves once `clerk`'s state satisfies `predicate`, now or after a later change. */
function until(clerk: Clerk, predicate: (resources: Resources) => boolean): Promise<Resources> {
  return new Promise((resolve) => {
    const off = clerk.addListener((resources) => {
      if (!predicate(resources))
        return
      resolve(resources)
      queueMicrotask(() => off())
    })
  })
}

/** Ada (admin) and Bob, a plain member of Acme Inc with it active in his browser. */
async function withBobMember(tokenClaimsVersion: 1 | 2 = 2) {
  const test = await adaAndBob({ organizations: { tokenClaimsVersion } })
  await test.org.addMember({ userId: test.bobId, role: 'org:member' })
  await test.bob.clerk.setActive({ organization: test.org.id })
  return test
}

/** Lets whatever a token answer set off (a client read) reach the network. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++)
    await new Promise(resolve => setImmediate(resolve))
}

const bobsRole = (clerk: Clerk): string | undefined => clerk.user?.organizationMemberships.find(m => m.organization.id === clerk.organization?.id)?.role

describe('a membership changed in another browser', () => {
  it.each([2, 1] as const)('is followed once the next session token carries the new role (claims v%i)', async (version) => {
    const { server, bob, org, bobId } = await withBobMember(version)
    expect(bob.clerk.organization?.id).toBe(org.id)
    expect(bobsRole(bob.clerk)).toBe('org:member')

    await org.updateMember({ userId: bobId, role: 'org:billing' })
    // nothing told Bob's client yet
    expect(bobsRole(bob.clerk)).toBe('org:member')
    const reads = clientReads(bob.browser)
    const promoted = until(bob.clerk, () => bobsRole(bob.clerk) === 'org:billing')
    // what the background refresh does when the token is due, 42 s into its life
    server.advance(45_000)
    await bob.clerk.session!.getToken({ skipCache: true })
    await promoted
    expect(clientReads(bob.browser)).toBe(reads + 1)
    const membership = bob.clerk.user!.organizationMemberships.find(m => m.organization.id === org.id)!
    expect(membership.permissions).toContain('org:invoices:create')
    expect(bob.clerk.organization?.id).toBe(org.id)
  })

  it('is followed when the member was removed: the token is refused, the organization is no longer active', async () => {
    const { server, bob, org, bobId } = await withBobMember()
    await org.removeMember(bobId)
    const removed = until(bob.clerk, ({ organization }) => organization === null)
    server.advance(45_000)
    const refused = await bob.clerk.session!.getToken({ skipCache: true }).then(() => undefined, (error: { errors?: { code: string }[] }) => error)
    expect(refused?.errors?.[0]?.code).toBe('not_a_member_in_organization')
    await removed
    expect(bob.clerk.user!.organizationMemberships).toEqual([])
  })

  it('costs no request when the new token agrees with what the client holds', async () => {
    const { server, bob } = await withBobMember()
    const reads = clientReads(bob.browser)
    const tokenRequests = bob.browser.requests.length
    const tokens: string[] = []
    for (let i = 0; i < 2; i++) {
      server.advance(45_000)
      tokens.push((await bob.clerk.session!.getToken({ skipCache: true }))!)
    }
    await settle()
    // two new tokens reached the cache
    expect(new Set(tokens).size).toBe(2)
    // the two token requests, nothing else
    expect(bob.browser.requests.length).toBe(tokenRequests + 2)
    expect(clientReads(bob.browser)).toBe(reads)
  })

  it('is not looked for in the personal account', async () => {
    const { server, bob, org, bobId } = await withBobMember()
    await bob.clerk.setActive({ organization: null })
    await org.updateMember({ userId: bobId, role: 'org:admin' })
    const reads = clientReads(bob.browser)
    server.advance(45_000)
    await bob.clerk.session!.getToken({ skipCache: true })
    await settle()
    expect(clientReads(bob.browser)).toBe(reads)
  })
})
