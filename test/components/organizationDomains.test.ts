import { describe, expect, it } from 'vitest'
import OrganizationProfile from '../../src/components/OrganizationProfile.vue'
import { adaAndBob } from '../core/organizations/orgTestHelpers'
import { expectNoAxeViolations } from './axe'
import { mountWithClerk, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

const withDomains = { organizations: { domains: { enabled: true } } }
const section = (wrapper: Wrapper, title: string) => wrapper.findAll('section.portico-section').find(candidate => candidate.get('h2').text() === title)
const domains = (wrapper: Wrapper) => section(wrapper, 'Verified domains')!
const row = (wrapper: Wrapper, name: string) => domains(wrapper).findAll('li').find(item => item.text().startsWith(name))
const notice = (wrapper: Wrapper) => domains(wrapper).get(':scope > [role="status"]').text()

async function addDomain(wrapper: Wrapper, name: string): Promise<void> {
  const form = domains(wrapper).get('form')
  await form.get('input[name="name"]').setValue(name)
  await form.trigger('submit')
}

describe('<OrganizationProfile> verified domains as an admin', () => {
  it('adds a domain, verifies it with a code sent to an address on it, and sets automatic suggestions', async () => {
    const { ada, org, server } = await adaAndBob(withDomains)
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await until(() => domains(wrapper).text().includes('No domains yet.'))

    await addDomain(wrapper, 'acme.test')
    await until(() => row(wrapper, 'acme.test')?.find('input[name="affiliation_email_address"]').exists())
    expect(notice(wrapper)).toBe('acme.test was added.')
    expect(row(wrapper, 'acme.test')!.get('.portico-badge').text()).toBe('Unverified')
    expect(row(wrapper, 'acme.test')!.text()).toContain('@acme.test')

    // the local part is enough: the domain is added
    await row(wrapper, 'acme.test')!.get('input[name="affiliation_email_address"]').setValue('it')
    await row(wrapper, 'acme.test')!.get('form').trigger('submit')
    await until(() => row(wrapper, 'acme.test')?.find('input[name="code"]').exists())
    expect(row(wrapper, 'acme.test')!.text()).toContain('Enter the verification code sent to it@acme.test.')
    await row(wrapper, 'acme.test')!.get('input[name="code"]').setValue(await server.latestCode('it@acme.test'))

    await until(() => row(wrapper, 'acme.test')?.find('fieldset').exists())
    expect(notice(wrapper)).toBe('acme.test is verified.')
    expect(row(wrapper, 'acme.test')!.get('.portico-badge').text()).toBe('Verified')
    const radios = row(wrapper, 'acme.test')!.findAll('input[type="radio"]')
    expect(radios.map(radio => radio.attributes('value'))).toEqual(['manual_invitation', 'automatic_invitation', 'automatic_suggestion'])
    expect((radios[0]!.element as HTMLInputElement).checked).toBe(true)
    await radios[2]!.setValue(true)
    await row(wrapper, 'acme.test')!.get('fieldset').element.closest('form')!.dispatchEvent(new Event('submit'))
    await until(() => notice(wrapper) === 'The enrollment mode of acme.test was saved.')
    await until(() => row(wrapper, 'acme.test')!.text().includes('Automatic suggestions · 0 pending suggestions'))

    const [domain] = (await org.getDomains()).data
    expect([domain?.name, domain?.verification?.verified, domain?.enrollmentMode]).toEqual(['acme.test', true, 'automatic_suggestion'])
  })

  it('shows errors at their fields: a public email domain, an address on another domain, a wrong code', async () => {
    const { ada, server } = await adaAndBob(withDomains)
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await addDomain(wrapper, 'gmail.com')
    await until(() => domains(wrapper).get('input[name="name"]').attributes('aria-invalid') === 'true')
    expect(domains(wrapper).text()).toContain('A public email domain cannot be an organization domain.')

    await addDomain(wrapper, 'acme.test')
    await until(() => row(wrapper, 'acme.test')?.find('input[name="affiliation_email_address"]').exists())
    await row(wrapper, 'acme.test')!.get('input[name="affiliation_email_address"]').setValue('it@elsewhere.test')
    await row(wrapper, 'acme.test')!.get('form').trigger('submit')
    await until(() => row(wrapper, 'acme.test')!.get('input[name="affiliation_email_address"]').attributes('aria-invalid') === 'true')
    expect(row(wrapper, 'acme.test')!.text()).toContain('The address must be on this domain.')

    await row(wrapper, 'acme.test')!.get('input[name="affiliation_email_address"]').setValue('it@acme.test')
    await row(wrapper, 'acme.test')!.get('form').trigger('submit')
    await until(() => row(wrapper, 'acme.test')?.find('input[name="code"]').exists())
    const code = await server.latestCode('it@acme.test')
    await row(wrapper, 'acme.test')!.get('input[name="code"]').setValue(code === '000000' ? '111111' : '000000')
    await until(() => row(wrapper, 'acme.test')!.text().includes('That code is incorrect.'))
    expect(row(wrapper, 'acme.test')!.get('.portico-badge').text()).toBe('Unverified')
  })

  it('verifies at once a domain of the admin\'s own address, and removes a domain after confirmation', async () => {
    const { ada, org } = await adaAndBob(withDomains)
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await addDomain(wrapper, 'example.com')
    await until(() => row(wrapper, 'example.com')?.find('.portico-badge').text() === 'Verified')
    expect(row(wrapper, 'example.com')!.find('form').exists()).toBe(false)
    expect(row(wrapper, 'example.com')!.text()).toContain('No automatic enrollment')

    const remove = row(wrapper, 'example.com')!.get('button[aria-label="Remove example.com"]')
    expect(remove.attributes('aria-expanded')).toBe('false')
    await remove.trigger('click')
    expect(row(wrapper, 'example.com')!.text()).toContain('People won’t be able to join through example.com any more.')
    await row(wrapper, 'example.com')!.get('button.portico-button-danger').trigger('click')
    await until(() => !row(wrapper, 'example.com'))
    expect(notice(wrapper)).toBe('example.com was removed.')
    expect((await org.getDomains()).totalCount).toBe(0)
  })

  it('offers only the enrollment modes the instance allows', async () => {
    const { ada, org } = await adaAndBob({ organizations: { domains: { enabled: true, enrollmentModes: ['manual_invitation', 'automatic_invitation'] } } })
    await org.createDomain('example.com')
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await until(() => row(wrapper, 'example.com'))
    await row(wrapper, 'example.com')!.get('button[aria-label="Settings of example.com"]').trigger('click')
    expect(row(wrapper, 'example.com')!.findAll('input[type="radio"]').map(radio => radio.attributes('value'))).toEqual(['manual_invitation', 'automatic_invitation'])
    // no suggestions, so no requests to join either
    expect(section(wrapper, 'Requests to join')).toBeUndefined()
  })

  it('withdraws the invitations the old mode made when asked to, and keeps them otherwise', async () => {
    const { ada, bob, org } = await adaAndBob(withDomains)
    await org.createDomain('example.com', { enrollmentMode: 'automatic_invitation' })
    const bobsInvitations = async () => (await bob.clerk.user!.getOrganizationInvitations({ status: 'pending' })).totalCount
    expect(await bobsInvitations()).toBe(1)
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await until(() => row(wrapper, 'example.com')?.text().includes('1 pending invitations'))
    const saveAs = async (mode: string, withdraw: boolean): Promise<void> => {
      await row(wrapper, 'example.com')!.get('button[aria-label="Settings of example.com"]').trigger('click')
      const box = row(wrapper, 'example.com')!.get('input[name="delete_pending"]')
      expect(row(wrapper, 'example.com')!.get('.portico-checkbox-label').text()).toBe('Also withdraw the pending invitations and suggestions this domain made')
      await row(wrapper, 'example.com')!.get(`input[type="radio"][value="${mode}"]`).setValue(true)
      await box.setValue(withdraw)
      await row(wrapper, 'example.com')!.get('form').trigger('submit')
      await until(() => notice(wrapper) === 'The enrollment mode of example.com was saved.')
    }

    // to suggestions without the box: Bob's invitation stays, as an ordinary one
    await saveAs('automatic_suggestion', false)
    expect(await bobsInvitations()).toBe(1)
    // to manual with it: the invitation the domain made goes too
    await saveAs('manual_invitation', true)
    expect(await bobsInvitations()).toBe(0)
  })

  it('offers no withdrawal when the domain has nothing pending', async () => {
    const { ada, org } = await adaAndBob(withDomains)
    await org.createDomain('example.com')
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await until(() => row(wrapper, 'example.com'))
    await row(wrapper, 'example.com')!.get('button[aria-label="Settings of example.com"]').trigger('click')
    await until(() => row(wrapper, 'example.com')!.find('fieldset').exists())
    expect(row(wrapper, 'example.com')!.find('input[name="delete_pending"]').exists()).toBe(false)
  })

  it('has no axe violations (list, verification and settings open)', async () => {
    const { ada, org } = await adaAndBob(withDomains)
    await org.createDomain('example.com', { enrollmentMode: 'automatic_invitation' })
    await org.createDomain('acme.test')
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await until(() => row(wrapper, 'acme.test') && row(wrapper, 'example.com'))
    await row(wrapper, 'acme.test')!.get('button[aria-label="Verify acme.test"]').trigger('click')
    await row(wrapper, 'example.com')!.get('button[aria-label="Settings of example.com"]').trigger('click')
    await until(() => row(wrapper, 'example.com')!.find('fieldset').exists())
    await expectNoAxeViolations(domains(wrapper).element)
  })
})

describe('<OrganizationProfile> verified domains: who sees what', () => {
  it('hides the section when the instance has domains off', async () => {
    const { ada } = await adaAndBob()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    await until(() => section(wrapper, 'Members'))
    expect(section(wrapper, 'Verified domains')).toBeUndefined()
    expect(section(wrapper, 'Requests to join')).toBeUndefined()
  })

  it('hides it from a member without org:sys_domains:read, and shows it read-only with only that permission', async () => {
    const config = { organizations: { domains: { enabled: true }, roles: [{ key: 'org:viewer', name: 'Viewer', permissions: ['org:sys_memberships:read', 'org:sys_domains:read'] }] } }
    const { bob, org, bobId } = await adaAndBob(config)
    await org.createDomain('example.com')
    await org.addMember({ userId: bobId, role: 'org:member' })
    await bob.clerk.setActive({ organization: org.id })
    const asMember = await mountWithClerk(OrganizationProfile, bob.clerk)
    await until(() => section(asMember, 'Members'))
    expect(section(asMember, 'Verified domains')).toBeUndefined()
    asMember.unmount()

    await org.updateMember({ userId: bobId, role: 'org:viewer' })
    await bob.clerk.user!.reload()
    const asViewer = await mountWithClerk(OrganizationProfile, bob.clerk)
    await until(() => section(asViewer, 'Verified domains') && row(asViewer, 'example.com'))
    expect(domains(asViewer).findAll('form, button')).toHaveLength(0)
  })
})

describe('<OrganizationProfile> requests to join', () => {
  it('lists the request a suggestion made, and accepting it makes the person a member', async () => {
    const { ada, bob, org } = await adaAndBob(withDomains)
    await org.createDomain('example.com', { enrollmentMode: 'automatic_suggestion' })
    await (await bob.clerk.user!.getOrganizationSuggestions()).data[0]!.accept()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    const requests = () => section(wrapper, 'Requests to join')!
    await until(() => requests().text().includes('bob@example.com'))
    await expectNoAxeViolations(requests().element)
    await requests().get('button[aria-label="Accept the request of bob@example.com"]').trigger('click')
    await until(() => requests().get('[role="status"]').text() === 'bob@example.com joined the organization.')
    expect(requests().text()).toContain('No pending requests.')
    await until(() => section(wrapper, 'Members')!.text().includes('bob@example.com'))
    await bob.clerk.user!.reload()
    expect(bob.clerk.user!.organizationMemberships.map(m => m.organization.id)).toEqual([org.id])
  })

  it('rejects a request', async () => {
    const { ada, bob, org } = await adaAndBob(withDomains)
    await org.createDomain('example.com', { enrollmentMode: 'automatic_suggestion' })
    await (await bob.clerk.user!.getOrganizationSuggestions()).data[0]!.accept()
    const wrapper = await mountWithClerk(OrganizationProfile, ada.clerk)
    const requests = () => section(wrapper, 'Requests to join')!
    await until(() => requests().text().includes('bob@example.com'))
    await requests().get('button[aria-label="Reject the request of bob@example.com"]').trigger('click')
    await until(() => requests().get('[role="status"]').text() === 'The request of bob@example.com was rejected.')
    expect((await org.getMembershipRequests({ status: 'rejected' })).totalCount).toBe(1)
    expect(section(wrapper, 'Members')!.text()).not.toContain('bob@example.com')
  })
})
