// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ClerkAPIResponseError, Organization } from '../../../src/core'
import { signUpTestUser } from '../../helpers/signUpTestUser'
import { adaSignedIn, apiError, tokenOrganization } from './orgTestHelpers'

describe('creating an organization', () => {
  it('makes the creator its admin without switching to it', async () => {
    const ada = await adaSignedIn()
    const org = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    expect(org).toBeInstanceOf(Organization)
    expect([org.name, org.slug, org.membersCount]).toEqual(['Acme Inc', 'acme-inc', 1])
    const membership = ada.clerk.user!.organizationMemberships.find(m => m.organization.id === org.id)
    expect(membership?.role).toBe('org:admin')
    expect(membership?.permissions).toEqual(expect.arrayContaining(['org:sys_memberships:manage', 'org:sys_profile:manage']))
    expect(ada.clerk.organization).toBeNull()
  })

  it('keeps a slug it is given', async () => {
    const ada = await adaSignedIn()
    const org = await ada.clerk.createOrganization({ name: 'Acme Inc', slug: 'acme' })
    expect(org.slug).toBe('acme')
  })

  it('refuses a taken slug with form_identifier_exists', async () => {
    const ada = await adaSignedIn()
    await ada.clerk.createOrganization({ name: 'Acme', slug: 'acme' })
    const error = await apiError(() => ada.clerk.createOrganization({ name: 'Other', slug: 'acme' }))
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect([error.status, error.errors[0]?.code, error.errors[0]?.meta?.paramName]).toEqual([422, 'form_identifier_exists', 'slug'])
  })

  it('reads one of the user\'s organizations with getOrganization', async () => {
    const ada = await adaSignedIn()
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    const org = await ada.clerk.getOrganization(id)
    expect([org.id, org.name]).toEqual([id, 'Acme Inc'])
  })

  it('hides another user\'s organization behind a 404', async () => {
    const ada = await adaSignedIn()
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    const bob = await signUpTestUser(ada.server, 'bob@example.com')
    const error = await apiError(() => bob.clerk.getOrganization(id))
    expect([error.status, error.errors[0]?.code]).toEqual([404, 'resource_not_found'])
  })
})

describe('the active organization', () => {
  it('switches to an organization: resource, session, token claims and has()', async () => {
    const ada = await adaSignedIn()
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    await ada.clerk.setActive({ organization: id })
    expect(ada.clerk.organization).toBeInstanceOf(Organization)
    expect(ada.clerk.organization?.id).toBe(id)
    expect(ada.clerk.session?.lastActiveOrganizationId).toBe(id)
    expect(await tokenOrganization(ada)).toEqual({ orgId: id, orgRole: 'org:admin', orgSlug: 'acme-inc' })
    expect(ada.clerk.session!.checkAuthorization({ role: 'org:admin' })).toBe(true)
    expect(ada.clerk.session!.checkAuthorization({ permission: 'org:sys_memberships:manage' })).toBe(true)
  })

  it('switches back to the personal account with null', async () => {
    const ada = await adaSignedIn()
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    await ada.clerk.setActive({ organization: id })
    await ada.clerk.setActive({ organization: null })
    expect(ada.clerk.organization).toBeNull()
    expect(ada.clerk.session?.lastActiveOrganizationId).toBeNull()
    expect(await tokenOrganization(ada)).toEqual({ orgId: null, orgRole: null, orgSlug: null })
    expect(ada.clerk.session!.checkAuthorization({ role: 'org:admin' })).toBe(false)
  })

  it.each([
    ['an organization object', (org: Organization) => org],
    ['a slug', (org: Organization) => org.slug!],
  ])('accepts %s', async (_, pick) => {
    const ada = await adaSignedIn()
    const org = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    await ada.clerk.setActive({ organization: pick(org) })
    expect(ada.clerk.organization?.id).toBe(org.id)
  })

  it('refuses an organization the user is not a member of and stays put', async () => {
    const ada = await adaSignedIn()
    const error = await apiError(() => ada.clerk.setActive({ organization: 'org_unknown' }))
    expect([error.status, error.errors[0]?.code]).toEqual([403, 'not_a_member_in_organization'])
    expect(ada.clerk.organization).toBeNull()
  })

  it('tells listeners once per switch', async () => {
    const ada = await adaSignedIn()
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    const seen: (string | null)[] = []
    ada.clerk.addListener(({ organization }) => seen.push(organization?.id ?? null), { skipInitialEmit: true })
    await ada.clerk.setActive({ organization: id })
    await ada.clerk.setActive({ organization: null })
    expect(seen).toEqual([id, null])
  })

  it('caches one token per organization', async () => {
    const ada = await adaSignedIn()
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    await ada.clerk.setActive({ organization: id })
    const inOrg = await ada.clerk.session!.getToken()
    const personal = await ada.clerk.session!.getToken({ organizationId: null })
    const minted = ada.browser.requests.filter(r => r.endsWith('/tokens')).length
    expect(personal).not.toBe(inOrg)
    // both stay cached: asking again for either goes to no server
    expect(await ada.clerk.session!.getToken({ organizationId: id })).toBe(inOrg)
    expect(await ada.clerk.session!.getToken({ organizationId: null })).toBe(personal)
    expect(ada.browser.requests.filter(r => r.endsWith('/tokens')).length).toBe(minted)
  })

  it('keeps the organization object while nothing about it changes', async () => {
    const ada = await adaSignedIn({ signUp: { firstName: 'optional' } })
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    await ada.clerk.setActive({ organization: id })
    const before = ada.clerk.organization
    await ada.clerk.user!.update({ firstName: 'Ada' })
    expect(ada.clerk.user?.firstName).toBe('Ada')
    expect(ada.clerk.organization).toBe(before)
    expect(ada.clerk.user!.organizationMemberships[0]?.organization).toBe(before)
  })
})
