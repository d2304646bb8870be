// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { OrganizationMembership } from '../../../src/core'
import { signUpTestUser } from '../../helpers/signUpTestUser'
import { adaAndBob, apiError, inbox } from './orgTestHelpers'

describe('invitations', () => {
  it('invites by email, and the invitee accepts from their own list', async () => {
    const { server, org, bob } = await adaAndBob()
    const invitation = await org.inviteMember({ emailAddress: 'bob@example.com', role: 'org:member' })
    expect([invitation.status, invitation.organizationId, invitation.role]).toEqual(['pending', org.id, 'org:member'])
    const [mail] = await inbox(server, 'bob@example.com').then(messages => messages.filter(m => m.body.includes('Acme Inc')))
    expect(mail).toBeDefined()

    const pending = await bob.clerk.user!.getOrganizationInvitations({ status: 'pending' })
    expect(pending.totalCount).toBe(1)
    const mine = pending.data[0]!
    expect([mine.id, mine.publicOrganizationData.name, mine.role]).toEqual([invitation.id, 'Acme Inc', 'org:member'])
    await mine.accept()
    expect(mine.status).toBe('accepted')
    const membership = bob.clerk.user!.organizationMemberships.find(m => m.organization.id === org.id)
    expect(membership?.role).toBe('org:member')
    expect((await bob.clerk.user!.getOrganizationInvitations({ status: 'pending' })).totalCount).toBe(0)
  })

  it('lists invitations by status and revokes one', async () => {
    const { org } = await adaAndBob()
    const [first, second] = await org.inviteMembers({ emailAddresses: ['carol@example.com', 'dave@example.com'], role: 'org:member' })
    expect([first?.emailAddress, second?.emailAddress]).toEqual(['carol@example.com', 'dave@example.com'])
    await first!.revoke()
    expect(first!.status).toBe('revoked')
    const pending = await org.getInvitations({ status: ['pending'] })
    expect(pending.data.map(i => i.emailAddress)).toEqual(['dave@example.com'])
    const all = await org.getInvitations()
    expect(all.totalCount).toBe(2)
  })

  it('refuses a second pending invitation for one address', async () => {
    const { org } = await adaAndBob()
    await org.inviteMember({ emailAddress: 'carol@example.com', role: 'org:member' })
    const error = await apiError(() => org.inviteMember({ emailAddress: 'carol@example.com', role: 'org:member' }))
    expect([error.status, error.errors[0]?.code]).toEqual([400, 'organization_invitation_not_unique'])
  })

  it('refuses an unknown role with form_param_value_invalid', async () => {
    const { org } = await adaAndBob()
    const error = await apiError(() => org.inviteMember({ emailAddress: 'carol@example.com', role: 'org:owner' }))
    expect([error.status, error.errors[0]?.code, error.errors[0]?.meta?.paramName]).toEqual([422, 'form_param_value_invalid', 'role'])
  })
})

describe('the member list', () => {
  async function withMembers(count: number) {
    const setup = await adaAndBob()
    const ids = [setup.bobId]
    for (let i = 0; i < count - 1; i++)
      ids.push((await signUpTestUser(setup.server, `member${i}@example.com`)).clerk.user!.id)
    for (const userId of ids)
      await setup.org.addMember({ userId, role: 'org:member' })
    return setup
  }

  it('pages with pageSize and initialPage, counting everyone', async () => {
    const { org } = await withMembers(4)
    const first = await org.getMemberships({ pageSize: 2 })
    const third = await org.getMemberships({ pageSize: 2, initialPage: 3 })
    expect([first.totalCount, first.data.length, third.data.length]).toEqual([5, 2, 1])
    expect(first.data[0]).toBeInstanceOf(OrganizationMembership)
    const ids = new Set([...first.data, ...(await org.getMemberships({ pageSize: 2, initialPage: 2 })).data, ...third.data].map(m => m.id))
    expect(ids.size).toBe(5)
  })

  it('carries each member\'s public user data', async () => {
    const { org, bobId } = await withMembers(1)
    const { data } = await org.getMemberships()
    const bob = data.find(m => m.publicUserData?.userId === bobId)
    expect([bob?.publicUserData?.identifier, bob?.role, bob?.organization.id]).toEqual(['bob@example.com', 'org:member', org.id])
  })

  it('filters by role and by query', async () => {
    const { org } = await withMembers(3)
    const admins = await org.getMemberships({ role: ['org:admin'] })
    expect(admins.data.map(m => m.publicUserData?.identifier)).toEqual(['ada@example.com'])
    const found = await org.getMemberships({ query: 'bob' })
    expect(found.data.map(m => m.publicUserData?.identifier)).toEqual(['bob@example.com'])
  })

  it('changes a role: the member\'s has() follows once their session refreshes', async () => {
    const { org, bob, bobId } = await withMembers(1)
    await bob.clerk.setActive({ organization: org.id })
    expect(bob.clerk.session!.checkAuthorization({ permission: 'org:invoices:create' })).toBe(false)
    const updated = await org.updateMember({ userId: bobId, role: 'org:billing' })
    expect(updated.role).toBe('org:billing')
    // bob's browser has not heard of it yet
    expect(bob.clerk.session!.checkAuthorization({ permission: 'org:invoices:create' })).toBe(false)
    await bob.clerk.user!.reload()
    expect(bob.clerk.session!.checkAuthorization({ permission: 'org:invoices:create' })).toBe(true)
    expect(bob.clerk.session!.checkAuthorization({ role: 'org:billing' })).toBe(true)
  })

  it('updates and removes members from the list\'s own objects', async () => {
    const { org, bobId } = await withMembers(1)
    const { data } = await org.getMemberships()
    const bob = data.find(m => m.publicUserData?.userId === bobId)!
    await bob.update({ role: 'org:admin' })
    expect(bob.role).toBe('org:admin')
    await bob.destroy()
    expect((await org.getMemberships()).totalCount).toBe(1)
  })

  it('removes a member: they lose the organization', async () => {
    const { org, bob, bobId } = await withMembers(1)
    await bob.clerk.setActive({ organization: org.id })
    await org.removeMember(bobId)
    await bob.clerk.user!.reload()
    expect(bob.clerk.user!.organizationMemberships).toEqual([])
    expect(bob.clerk.organization).toBeNull()
    expect(bob.clerk.session?.lastActiveOrganizationId).toBeNull()
  })

  it('refuses a member without the permission', async () => {
    const { org, bob } = await withMembers(1)
    await bob.clerk.user!.reload()
    const asBob = bob.clerk.user!.organizationMemberships.find(m => m.organization.id === org.id)!.organization
    const error = await apiError(() => asBob.inviteMember({ emailAddress: 'eve@example.com', role: 'org:admin' }))
    expect([error.status, error.errors[0]?.code]).toEqual([403, 'missing_organization_permission'])
  })

  it('never loses its last admin', async () => {
    const { org, ada } = await withMembers(1)
    const error = await apiError(() => org.updateMember({ userId: ada.clerk.user!.id, role: 'org:member' }))
    expect(error.errors[0]?.code).toBe('organization_minimum_permissions_needed')
  })
})

describe('leaving', () => {
  it('lets a member leave; the active organization falls back to the personal account', async () => {
    const { org, bob, bobId } = await adaAndBob()
    await org.addMember({ userId: bobId, role: 'org:member' })
    await bob.clerk.user!.reload()
    await bob.clerk.setActive({ organization: org.id })
    const deleted = await bob.clerk.user!.leaveOrganization(org.id)
    expect(deleted.deleted).toBe(true)
    expect(bob.clerk.user!.organizationMemberships).toEqual([])
    expect(bob.clerk.organization).toBeNull()
  })

  it('does not let the last admin leave', async () => {
    const { org, ada } = await adaAndBob()
    const error = await apiError(() => ada.clerk.user!.leaveOrganization(org.id))
    expect(error.errors[0]?.code).toBe('organization_minimum_permissions_needed')
    expect(ada.clerk.organization?.id).toBe(org.id)
  })

  it('pages the user\'s own memberships', async () => {
    const { ada } = await adaAndBob()
    await ada.clerk.createOrganization({ name: 'Beta' })
    await ada.clerk.createOrganization({ name: 'Gamma' })
    const first = await ada.clerk.user!.getOrganizationMemberships({ pageSize: 2 })
    const second = await ada.clerk.user!.getOrganizationMemberships({ pageSize: 2, initialPage: 2 })
    expect([first.totalCount, first.data.length, second.data.length]).toEqual([3, 2, 1])
    expect(new Set([...first.data, ...second.data].map(m => m.organization.name))).toEqual(new Set(['Acme Inc', 'Beta', 'Gamma']))
  })
})
