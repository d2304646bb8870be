// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { OrganizationDomain, OrganizationSuggestion } from '../../../src/core'
import { adaAndBob, apiError } from './orgTestHelpers'

const withDomains = { organizations: { domains: { enabled: true } } }

/** Ada's organization with `example.com`, which her own verified address verifies at once, in the given mode. */
async function verifiedDomain(enrollmentMode: 'automatic_suggestion' | 'automatic_invitation') {
  const setup = await adaAndBob(withDomains)
  const domain = await setup.org.createDomain('example.com', { enrollmentMode })
  expect(domain.verification?.verified).toBe(true)
  return { ...setup, domain }
}

describe('verified domains', () => {
  it('adds a domain and verifies it with a code sent to an address on it', async () => {
    const { org, server } = await adaAndBob(withDomains)
    const domain = await org.createDomain('acme.test')
    expect(domain).toBeInstanceOf(OrganizationDomain)
    expect([domain.name, domain.organizationId, domain.enrollmentMode, domain.verification]).toEqual(['acme.test', org.id, 'manual_invitation', null])
    await domain.prepareAffiliationVerification({ affiliationEmailAddress: 'it@acme.test' })
    expect([domain.affiliationEmailAddress, domain.verification?.status]).toEqual(['it@acme.test', 'unverified'])
    await domain.attemptAffiliationVerification({ code: await server.latestCode('it@acme.test') })
    expect(domain.verification?.verified).toBe(true)
  })

  it('refuses an address on another domain with organization_domain_mismatch', async () => {
    const { org } = await adaAndBob(withDomains)
    const domain = await org.createDomain('acme.test')
    const error = await apiError(() => domain.prepareAffiliationVerification({ affiliationEmailAddress: 'ada@elsewhere.test' }))
    expect([error.status, error.errors[0]?.code]).toEqual([422, 'organization_domain_mismatch'])
  })

  it('lists, reads, filters, changes the mode of and deletes domains', async () => {
    const { org } = await adaAndBob(withDomains)
    const created = await org.createDomain('example.com')
    await org.createDomain('example.org', { enrollmentMode: 'automatic_invitation' })
    expect((await org.getDomains()).totalCount).toBe(2)
    const filtered = await org.getDomains({ enrollmentMode: 'automatic_invitation' })
    expect(filtered.data.map(d => d.name)).toEqual(['example.org'])
    const read = await org.getDomain({ domainId: created.id })
    expect(read.name).toBe('example.com')
    await read.updateEnrollmentMode({ enrollmentMode: 'automatic_suggestion' })
    expect(read.enrollmentMode).toBe('automatic_suggestion')
    await read.delete()
    expect((await org.getDomains()).data.map(d => d.name)).toEqual(['example.org'])
  })

  it('refuses a domain that is already taken', async () => {
    const { org } = await adaAndBob(withDomains)
    await org.createDomain('example.com')
    const error = await apiError(() => org.createDomain('example.com'))
    expect(error.errors[0]?.code).toBe('organization_domain_already_exists')
  })
})

describe('suggestions and membership requests', () => {
  it('suggests the organization to a user on the domain; accepting asks the admins, who let them in', async () => {
    const { org, bob } = await verifiedDomain('automatic_suggestion')
    const suggestions = await bob.clerk.user!.getOrganizationSuggestions({ status: 'pending' })
    expect(suggestions.totalCount).toBe(1)
    const suggestion = suggestions.data[0]!
    expect(suggestion).toBeInstanceOf(OrganizationSuggestion)
    expect(suggestion.publicOrganizationData.name).toBe('Acme Inc')
    await suggestion.accept()
    expect(suggestion.status).toBe('accepted')

    const requests = await org.getMembershipRequests({ status: 'pending' })
    expect(requests.data.map(r => [r.publicUserData.identifier, r.organizationId])).toEqual([['bob@example.com', org.id]])
    await requests.data[0]!.accept()
    expect(requests.data[0]!.status).toBe('accepted')
    await bob.clerk.user!.reload()
    expect(bob.clerk.user!.organizationMemberships.map(m => m.organization.id)).toEqual([org.id])
  })

  it('lets the admins turn a request down', async () => {
    const { org, bob } = await verifiedDomain('automatic_suggestion')
    await (await bob.clerk.user!.getOrganizationSuggestions()).data[0]!.accept()
    const [request] = (await org.getMembershipRequests({ status: 'pending' })).data
    await request!.reject()
    expect(request!.status).toBe('rejected')
    expect((await org.getMembershipRequests({ status: 'pending' })).totalCount).toBe(0)
    await bob.clerk.user!.reload()
    expect(bob.clerk.user!.organizationMemberships).toEqual([])
  })

  it('invites users on the domain automatically in automatic_invitation mode', async () => {
    const { bob } = await verifiedDomain('automatic_invitation')
    const invitations = await bob.clerk.user!.getOrganizationInvitations({ status: 'pending' })
    expect(invitations.data.map(i => i.publicOrganizationData.name)).toEqual(['Acme Inc'])
  })

  it('keeps the invitations a domain handed out when its mode changes, unless deletePending says otherwise', async () => {
    const { bob, domain } = await verifiedDomain('automatic_invitation')
    const pending = async () => (await bob.clerk.user!.getOrganizationInvitations({ status: 'pending' })).data.map(i => i.publicOrganizationData.name)
    const kept = await domain.updateEnrollmentMode({ enrollmentMode: 'automatic_suggestion', deletePending: false })
    expect([kept.enrollmentMode, kept.totalPendingInvitations]).toEqual(['automatic_suggestion', 1])
    expect(await pending()).toEqual(['Acme Inc'])
    const withdrawn = await domain.updateEnrollmentMode({ enrollmentMode: 'manual_invitation', deletePending: true })
    expect([withdrawn.enrollmentMode, withdrawn.totalPendingInvitations]).toEqual(['manual_invitation', 0])
    expect(await pending()).toEqual([])
  })
})
