import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { adaAndBob, adaSignedIn } from '../core/organizations/orgTestHelpers'
import { createTestClerk } from '../helpers/createTestClerk'
import { loaded, mountWithPlugin } from '../helpers/mountWithPlugin'
import { organizationListProbe, whenIdle } from './organizationHelpers'

describe('useOrganizationList against the real server', () => {
  it('hands out createOrganization and setActive once loaded', async () => {
    const ada = await adaSignedIn()
    const tab = createTestClerk(ada.server, { browser: ada.browser })
    const probe = organizationListProbe()
    mountWithPlugin(probe.component, { clerk: tab.clerk })
    const { isLoaded, createOrganization, setActive } = probe.state()
    expect([isLoaded.value, createOrganization.value, setActive.value]).toEqual([false, undefined, undefined])
    await loaded(tab.clerk)
    expect([isLoaded.value, typeof createOrganization.value, typeof setActive.value]).toEqual([true, 'function', 'function'])
  })

  it('creates an organization and switches to it; the membership list follows on its own', async () => {
    const ada = await adaSignedIn()
    await ada.clerk.createOrganization({ name: 'Acme Inc' })
    const probe = organizationListProbe({ userMemberships: true })
    const wrapper = mountWithPlugin(probe.component, { clerk: ada.clerk })
    const { createOrganization, setActive, userMemberships } = probe.state()
    await whenIdle(userMemberships)
    expect(wrapper.text()).toBe('Acme Inc')
    const beta = await createOrganization.value!({ name: 'Beta' })
    await whenIdle(userMemberships)
    expect([userMemberships.count, wrapper.text().split(',').sort()]).toEqual([2, ['Acme Inc', 'Beta']])
    await setActive.value!({ organization: beta.id })
    expect(ada.clerk.organization?.name).toBe('Beta')
  })

  it('pages the user\'s memberships, infinite included', async () => {
    const ada = await adaSignedIn()
    for (const name of ['Acme', 'Beta', 'Gamma'])
      await ada.clerk.createOrganization({ name })
    const probe = organizationListProbe({ userMemberships: { pageSize: 2, infinite: true } })
    mountWithPlugin(probe.component, { clerk: ada.clerk })
    const { userMemberships } = probe.state()
    await whenIdle(userMemberships)
    expect([userMemberships.data.length, userMemberships.count, userMemberships.hasNextPage]).toEqual([2, 3, true])
    userMemberships.fetchNext()
    await whenIdle(userMemberships)
    expect([userMemberships.data.length, userMemberships.page, userMemberships.hasNextPage]).toEqual([3, 2, false])
  })

  it('lists the invitations addressed to the user; accepting one updates both lists', async () => {
    const { org, bob } = await adaAndBob()
    await org.inviteMember({ emailAddress: 'bob@example.com', role: 'org:member' })
    const probe = organizationListProbe({ userMemberships: true, userInvitations: { status: 'pending' } })
    mountWithPlugin(probe.component, { clerk: bob.clerk })
    const { userMemberships, userInvitations } = probe.state()
    await whenIdle(userInvitations)
    expect(userInvitations.data.map(i => i.publicOrganizationData.name)).toEqual(['Acme Inc'])
    expect(userMemberships.count).toBe(0)
    await userInvitations.data[0]!.accept()
    await flushPromises()
    await whenIdle(userInvitations)
    await whenIdle(userMemberships)
    expect([userInvitations.count, userMemberships.data.map(m => m.organization.name)]).toEqual([0, ['Acme Inc']])
  })

  it('empties the lists on sign-out', async () => {
    const ada = await adaSignedIn()
    await ada.clerk.createOrganization({ name: 'Acme Inc' })
    const probe = organizationListProbe({ userMemberships: true })
    mountWithPlugin(probe.component, { clerk: ada.clerk })
    const { userMemberships } = probe.state()
    await whenIdle(userMemberships)
    expect(userMemberships.count).toBe(1)
    await ada.clerk.signOut()
    await flushPromises()
    expect([userMemberships.data, userMemberships.count]).toEqual([[], 0])
  })
})
