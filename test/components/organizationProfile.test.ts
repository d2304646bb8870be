import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import Protect from '../../src/components/control/Protect.vue'
import OrganizationProfile from '../../src/components/OrganizationProfile.vue'
import { adaAndBob, inbox } from '../core/organizations/orgTestHelpers'
import { expectNoAxeViolations } from './axe'
import { mountWithClerk, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

const section = (wrapper: Wrapper, title: string) => wrapper.findAll('section.portico-section').find(candidate => candidate.get('h2').text() === title)
const memberRow = (wrapper: Wrapper, identifier: string) => section(wrapper, 'Members')?.findAll('li').find(row => row.text().includes(identifier))

/** Ada (admin) and Bob (a member of Acme Inc, active on his side). */
async function withBobMember() {
  const test = await adaAndBob()
  await test.org.addMember({ userId: test.bobId, role: 'org:member' })
  await test.bob.clerk.setActive({ organization: test.org.id })
  return test
}

describe('<OrganizationProfile> as an admin', () => {
  it('renames the organization', async () => {
    const { ada } = await adaAndBob()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    const general = section(wrapper, 'General')!
    await general.get('input[name="name"]').setValue('Acme Corp')
    await general.get('form').trigger('submit')
    await until(() => general.get('form [role="status"]').text() === 'The organization was updated.')
    expect(ada.clerk.organization?.name).toBe('Acme Corp')
  })

  it('changes a member\'s role and removes a member; the own row stays read-only', async () => {
    const { ada, bob, org } = await withBobMember()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await until(() => memberRow(wrapper, 'bob@example.com')?.find('select').exists())
    expect(memberRow(wrapper, 'ada@example.com')!.find('select').exists()).toBe(false)
    expect(memberRow(wrapper, 'ada@example.com')!.find('button').exists()).toBe(false)

    await memberRow(wrapper, 'bob@example.com')!.get('select').setValue('org:admin')
    await until(() => section(wrapper, 'Members')!.get('[role="status"]').text() === 'bob@example.com is now Admin.')
    const { data } = await org.getMemberships()
    expect(data.find(m => m.publicUserData?.identifier === 'bob@example.com')?.role).toBe('org:admin')

    await memberRow(wrapper, 'bob@example.com')!.get('button[aria-label="Remove bob@example.com"]').trigger('click')
    await until(() => !memberRow(wrapper, 'bob@example.com'))
    await bob.clerk.user!.reload()
    expect(bob.clerk.user!.organizationMemberships).toEqual([])
  })

  it('sends invitations and revokes one', async () => {
    const { ada, server } = await adaAndBob()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    const invitations = () => section(wrapper, 'Invitations')!
    await until(() => invitations().find('select').exists())
    await invitations().get('input[name="email_address"]').setValue('carol@example.com, dan@example.com')
    await invitations().get('form').trigger('submit')
    await until(() => invitations().findAll('li').length === 2)
    expect(invitations().get('[role="status"]').text()).toBe('Invitations sent to carol@example.com, dan@example.com.')
    expect(await inbox(server, 'carol@example.com')).toHaveLength(1)

    await invitations().get('button[aria-label="Revoke the invitation of carol@example.com"]').trigger('click')
    await until(() => invitations().findAll('li').length === 1)
    expect(invitations().get('li').text()).toContain('dan@example.com')
  })

  it('shows an invitation to a member at the address field', async () => {
    const { ada } = await withBobMember()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    const invitations = section(wrapper, 'Invitations')!
    await invitations.get('input[name="email_address"]').setValue('bob@example.com')
    await invitations.get('form').trigger('submit')
    await until(() => invitations.get('input[name="email_address"]').attributes('aria-invalid') === 'true')
    expect(invitations.text()).toContain('This person is already a member.')
  })

  it('deletes the organization only once its name is typed', async () => {
    const { ada } = await adaAndBob()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk, { props: { afterDeleteOrganizationUrl: '/orgs' } })
    const danger = section(wrapper, 'Delete organization')!
    expect(danger.get('button[type="submit"]').attributes('disabled')).toBeDefined()
    expect(danger.get('label').text()).toBe('Type “Acme Inc” to confirm')
    await danger.get('input').setValue('acme inc')
    expect(danger.get('button[type="submit"]').attributes('disabled')).toBeDefined()
    await danger.get('input').setValue('Acme Inc')
    await danger.get('form').trigger('submit')
    await until(() => ada.clerk.organization === null)
    expect(ada.clerk.user?.organizationMemberships).toEqual([])
  })

  it('has no axe violations', async () => {
    const { ada } = await withBobMember()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await until(() => memberRow(wrapper, 'bob@example.com')?.find('select').exists())
    await expectNoAxeViolations(wrapper.element)
  })
})

describe('<OrganizationProfile> as a member', () => {
  it('lists the members read-only, with no invitations, rename or delete', async () => {
    const { bob } = await withBobMember()
    const wrapper = await mountWithClerk(OrganizationProfile, bob.clerk)
    await until(() => memberRow(wrapper, 'ada@example.com'))
    expect(section(wrapper, 'Members')!.findAll('select, button[aria-label^="Remove"]')).toHaveLength(0)
    expect(memberRow(wrapper, 'ada@example.com')!.text()).toContain('Admin')
    expect(section(wrapper, 'General')!.find('form').exists()).toBe(false)
    expect(section(wrapper, 'Invitations')).toBeUndefined()
    expect(section(wrapper, 'Delete organization')).toBeUndefined()
  })

  it('leaves the organization after typing its name', async () => {
    const { bob } = await withBobMember()
    const wrapper = await mountWithClerk(OrganizationProfile, bob.clerk, { props: { afterLeaveOrganizationUrl: '/bye' } })
    const leave = section(wrapper, 'Leave organization')!
    await leave.get('input').setValue('Acme Inc')
    await leave.get('form').trigger('submit')
    await until(() => bob.navigations.includes('/bye'))
    expect(bob.clerk.user?.organizationMemberships).toEqual([])
    expect(bob.clerk.organization).toBeNull()
  })

  it('has no axe violations', async () => {
    const { bob } = await withBobMember()
    const wrapper = await mountWithClerk(OrganizationProfile, bob.clerk)
    await until(() => memberRow(wrapper, 'ada@example.com'))
    await expectNoAxeViolations(wrapper.element)
  })
})

describe('<Protect permission> with real organization data', () => {
  it('flips when an admin changes the member\'s role', async () => {
    const { ada, bob, org, bobId } = await withBobMember()
    const Gate = defineComponent(() => () => h(Protect, { permission: 'org:sys_memberships:manage' }, {
      default: () => h('p', 'can manage'),
      fallback: () => h('p', 'read only'),
    }))
    const wrapper = await mountWithClerk(Gate, bob.clerk)
    expect(wrapper.text()).toBe('read only')
    await org.updateMember({ userId: bobId, role: 'org:admin' })
    // Bob's app learns of it the next time it reads the client (a focus, another request)
    await bob.clerk.user!.reload()
    await until(() => wrapper.text() === 'can manage')
    await ada.clerk.organization!.updateMember({ userId: bobId, role: 'org:member' })
    await bob.clerk.user!.reload()
    await until(() => wrapper.text() === 'read only')
  })
})
