import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, shallowRef } from 'vue'
import { useAuth } from '../../src'
import { adaAndBob, adaSignedIn } from '../core/organizations/orgTestHelpers'
import { createTestClerk } from '../helpers/createTestClerk'
import { loaded, mountWithPlugin } from '../helpers/mountWithPlugin'
import { moreUsers, organizationProbe, whenIdle } from './organizationHelpers'

/** Ada, admin of "Acme Inc" (active) with `extra` more members besides her. */
async function acmeWithMembers(extra: number) {
  const setup = await adaAndBob()
  for (const userId of [setup.bobId, ...await moreUsers(setup.server, extra - 1)])
    await setup.org.addMember({ userId, role: 'org:member' })
  return setup
}

describe('useOrganization against the real server', () => {
  it('reports loading, then null for the personal account, fetching no list', async () => {
    const ada = await adaSignedIn()
    const tab = createTestClerk(ada.server, { browser: ada.browser })
    const probe = organizationProbe({ memberships: true })
    mountWithPlugin(probe.component, { clerk: tab.clerk })
    expect([probe.state().isLoaded.value, probe.state().organization.value, probe.state().membership.value]).toEqual([false, undefined, undefined])
    await loaded(tab.clerk)
    expect([probe.state().isLoaded.value, probe.state().organization.value, probe.state().membership.value]).toEqual([true, null, null])
    expect(tab.browser.requests.filter(r => r.includes('/memberships'))).toEqual([])
  })

  it('follows setActive, and useAuth reports the organization and its role', async () => {
    const ada = await adaSignedIn()
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    let auth!: ReturnType<typeof useAuth>
    const probe = organizationProbe()
    mountWithPlugin(defineComponent({
      setup: () => {
        auth = useAuth()
        return () => h(probe.component)
      },
    }), { clerk: ada.clerk })
    await ada.clerk.setActive({ organization: id })
    await flushPromises()
    const { organization, membership } = probe.state()
    expect([organization.value?.id, organization.value?.name, membership.value?.role]).toEqual([id, 'Acme Inc', 'org:admin'])
    expect([auth.orgId.value, auth.orgRole.value, auth.orgSlug.value, auth.has.value({ role: 'org:admin' })]).toEqual([id, 'org:admin', 'acme-inc', true])
    await ada.clerk.setActive({ organization: null })
    await flushPromises()
    expect([organization.value, membership.value]).toEqual([null, null])
    expect([auth.orgId.value, auth.has.value({ role: 'org:admin' })]).toEqual([null, false])
  })

  it('pages the members: pageSize, fetchNext, fetchPage and the counters', async () => {
    const { ada } = await acmeWithMembers(4)
    const probe = organizationProbe({ memberships: { pageSize: 2 } })
    mountWithPlugin(probe.component, { clerk: ada.clerk })
    const { memberships } = probe.state()
    await whenIdle(memberships)
    expect([memberships.data.length, memberships.count, memberships.page, memberships.pageCount, memberships.hasNextPage, memberships.hasPreviousPage]).toEqual([2, 5, 1, 3, true, false])
    const first = memberships.data.map(m => m.id)
    memberships.fetchNext()
    await whenIdle(memberships)
    expect([memberships.page, memberships.data.length, memberships.hasPreviousPage]).toEqual([2, 2, true])
    expect(memberships.data.map(m => m.id)).not.toEqual(expect.arrayContaining(first))
    memberships.fetchPage(3)
    await whenIdle(memberships)
    expect([memberships.page, memberships.data.length, memberships.hasNextPage]).toEqual([3, 1, false])
  })

  it('accumulates the members with infinite', async () => {
    const { ada } = await acmeWithMembers(4)
    const probe = organizationProbe({ memberships: { pageSize: 2, infinite: true } })
    const wrapper = mountWithPlugin(probe.component, { clerk: ada.clerk })
    const { memberships } = probe.state()
    await whenIdle(memberships)
    memberships.fetchNext()
    await whenIdle(memberships)
    memberships.fetchNext()
    await whenIdle(memberships)
    expect([memberships.data.length, new Set(memberships.data.map(m => m.id)).size, memberships.page, memberships.hasNextPage]).toEqual([5, 5, 3, false])
    expect(wrapper.text()).toContain('ada@example.com')
  })

  it('filters the members by role and query, following a reactive filter', async () => {
    const { ada } = await acmeWithMembers(2)
    const filter = shallowRef<{ role?: string[], query?: string }>({ role: ['org:admin'] })
    const probe = organizationProbe({ memberships: filter })
    mountWithPlugin(probe.component, { clerk: ada.clerk })
    const { memberships } = probe.state()
    await whenIdle(memberships)
    expect(memberships.data.map(m => m.publicUserData?.identifier)).toEqual(['ada@example.com'])
    filter.value = { query: 'bob' }
    await whenIdle(memberships)
    expect(memberships.data.map(m => m.publicUserData?.identifier)).toEqual(['bob@example.com'])
  })

  it('starts over when another organization becomes active', async () => {
    const { ada } = await acmeWithMembers(2)
    const beta = await ada.clerk.createOrganization({ name: 'Beta' })
    const probe = organizationProbe({ memberships: true })
    mountWithPlugin(probe.component, { clerk: ada.clerk })
    const { memberships } = probe.state()
    await whenIdle(memberships)
    expect(memberships.count).toBe(3)
    await ada.clerk.setActive({ organization: beta.id })
    await whenIdle(memberships)
    expect([memberships.count, memberships.data.map(m => m.organization.id)]).toEqual([1, [beta.id]])
  })

  it('revalidates on its own when the piggybacked client shows the organization changed', async () => {
    const { ada, org, bobId } = await adaAndBob()
    const probe = organizationProbe({ memberships: true, invitations: { status: ['pending'] } })
    mountWithPlugin(probe.component, { clerk: ada.clerk })
    const { memberships, invitations } = probe.state()
    await whenIdle(memberships)
    await whenIdle(invitations)
    expect([memberships.count, invitations.count]).toEqual([1, 0])
    await org.addMember({ userId: bobId, role: 'org:member' })
    await ada.clerk.organization!.inviteMember({ emailAddress: 'carol@example.com', role: 'org:member' })
    await whenIdle(memberships)
    await whenIdle(invitations)
    expect([memberships.count, invitations.data.map(i => i.emailAddress)]).toEqual([2, ['carol@example.com']])
  })

  it('revalidate() re-reads what is shown', async () => {
    const { ada, org, bob } = await adaAndBob()
    const probe = organizationProbe({ invitations: true })
    mountWithPlugin(probe.component, { clerk: ada.clerk })
    const { invitations } = probe.state()
    await org.inviteMember({ emailAddress: 'bob@example.com', role: 'org:member' })
    await whenIdle(invitations)
    // Bob's acceptance happens in his browser: Ada's client cannot know
    await (await bob.clerk.user!.getOrganizationInvitations()).data[0]!.accept()
    expect(invitations.data.map(i => i.status)).toEqual(['pending'])
    await invitations.revalidate()
    expect(invitations.data.map(i => i.status)).toEqual(['accepted'])
  })

  it('re-renders only on a real change', async () => {
    const ada = await adaSignedIn({ signUp: { firstName: 'optional' } })
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    await ada.clerk.setActive({ organization: id })
    const probe = organizationProbe({ memberships: true })
    mountWithPlugin(probe.component, { clerk: ada.clerk })
    await whenIdle(probe.state().memberships)
    const baseline = probe.renders.count
    await ada.clerk.user!.update({ firstName: 'Ada' })
    ada.server.advance(5_000)
    await ada.clerk.session!.getToken({ skipCache: true })
    await flushPromises()
    expect(probe.renders.count).toBe(baseline)
    await ada.clerk.organization!.update({ name: 'Acme Corp' })
    await whenIdle(probe.state().memberships)
    expect(probe.renders.count).toBeGreaterThan(baseline)
    expect(probe.state().organization.value?.name).toBe('Acme Corp')
  })
})
