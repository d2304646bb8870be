import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import OrganizationSwitcher from '../../src/components/OrganizationSwitcher.vue'
import { useAuth } from '../../src/composables/useAuth'
import { adaAndBob, adaSignedIn } from '../core/organizations/orgTestHelpers'
import { createTestClerk } from '../helpers/createTestClerk'
import { expectNoAxeViolations } from './axe'
import { mountWithClerk, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

// the switcher next to what useAuth() says, as an app's header would show both
const WithOrgId = defineComponent({
  props: { switcher: { type: Object, default: () => ({}) } },
  setup(props) {
    const { orgId } = useAuth()
    return () => [h(OrganizationSwitcher, props.switcher), h('output', { id: 'org' }, orgId.value ?? 'personal')]
  },
})

// what a screen reader announces: the avatars are aria-hidden
function accessibleText(element: Element) {
  return [...element.childNodes]
    .filter(node => !(node instanceof Element && node.getAttribute('aria-hidden') === 'true'))
    .map(node => node.textContent)
    .join('')
    .trim()
}
const items = (wrapper: Wrapper) => wrapper.findAll('[role="menuitem"]').map(item => accessibleText(item.element))
const item = (wrapper: Wrapper, text: string) => wrapper.findAll('[role="menuitem"]').find(candidate => accessibleText(candidate.element) === text)!

async function open(wrapper: Wrapper): Promise<void> {
  await wrapper.get('button[aria-haspopup="menu"]').trigger('click')
  await until(() => wrapper.find('[role="menu"]').exists())
}

describe('<OrganizationSwitcher>', () => {
  it('lists the personal account and the organizations, and switches; useAuth().orgId follows', async () => {
    const { clerk } = await adaSignedIn()
    const acme = await clerk.createOrganization({ name: 'Acme' })
    const beta = await clerk.createOrganization({ name: 'Beta' })
    const wrapper = await mountWithClerk(WithOrgId, clerk)
    const trigger = wrapper.get('button[aria-haspopup="menu"]')
    expect(trigger.attributes('aria-label')).toBe('Switch organization, current: Personal account')
    await open(wrapper)
    await until(() => items(wrapper).includes('Switch to Beta'))
    expect(items(wrapper)).toEqual(expect.arrayContaining(['Switch to Acme', 'Switch to Beta', 'Create organization']))
    expect(items(wrapper)).not.toContain('Manage organization')

    await item(wrapper, 'Switch to Beta').trigger('click')
    await until(() => wrapper.get('#org').text() === beta.id)
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
    expect(trigger.attributes('aria-label')).toBe('Switch organization, current: Beta')

    await open(wrapper)
    await until(() => items(wrapper).includes('Switch to Acme'))
    expect(items(wrapper)).toEqual(expect.arrayContaining(['Manage organization', 'Switch to Personal account']))
    expect(items(wrapper)).not.toContain('Switch to Beta')
    await item(wrapper, 'Switch to Acme').trigger('click')
    await until(() => wrapper.get('#org').text() === acme.id)
    await open(wrapper)
    await item(wrapper, 'Switch to Personal account').trigger('click')
    await until(() => wrapper.get('#org').text() === 'personal')
  })

  it('hides the personal account with hidePersonal', async () => {
    const { clerk } = await adaSignedIn()
    const acme = await clerk.createOrganization({ name: 'Acme' })
    await clerk.setActive({ organization: acme.id })
    const wrapper = await mountWithClerk(OrganizationSwitcher, clerk, { props: { hidePersonal: true, defaultOpen: true } })
    await until(() => items(wrapper).includes('Manage organization'))
    expect(items(wrapper)).not.toContain('Switch to Personal account')
  })

  it('accepts an invitation from the menu; the organization becomes one to switch to', async () => {
    const { org, bob } = await adaAndBob()
    await org.inviteMember({ emailAddress: 'bob@example.com', role: 'org:member' })
    const wrapper = await mountWithClerk(OrganizationSwitcher, bob.clerk)
    await open(wrapper)
    await until(() => items(wrapper).includes('Join Acme Inc'))
    await item(wrapper, 'Join Acme Inc').trigger('click')
    await until(() => items(wrapper).includes('Switch to Acme Inc'))
    expect(items(wrapper)).not.toContain('Join Acme Inc')
    expect(bob.clerk.user?.organizationMemberships.map(m => m.organization.name)).toEqual(['Acme Inc'])
  })

  it('goes to the profile and creation URLs', async () => {
    const { clerk, navigations } = await adaSignedIn()
    const acme = await clerk.createOrganization({ name: 'Acme' })
    await clerk.setActive({ organization: acme.id })
    const wrapper = await mountWithClerk(OrganizationSwitcher, clerk, { props: { organizationProfileUrl: '/org', createOrganizationUrl: '/new-org' } })
    await open(wrapper)
    await item(wrapper, 'Manage organization').trigger('click')
    await open(wrapper)
    await item(wrapper, 'Create organization').trigger('click')
    await until(() => navigations.length >= 2)
    expect(navigations).toEqual(['/org', '/new-org'])
  })

  it('moves through the items with the arrow keys and closes on Escape', async () => {
    const { clerk } = await adaSignedIn()
    await clerk.createOrganization({ name: 'Acme' })
    const wrapper = await mountWithClerk(OrganizationSwitcher, clerk)
    const trigger = wrapper.get('button[aria-haspopup="menu"]')
    await trigger.trigger('keydown', { key: 'ArrowDown' })
    await until(() => items(wrapper).includes('Switch to Acme'))
    const menuItems = () => wrapper.findAll('[role="menuitem"]').map(candidate => candidate.element)
    await until(() => menuItems().includes(document.activeElement!))
    const focused = menuItems().indexOf(document.activeElement!)
    await wrapper.get('.portico-popover').trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement).toBe(menuItems()[(focused + 1) % menuItems().length])
    await wrapper.get('.portico-popover').trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
    expect(document.activeElement).toBe(trigger.element)
  })

  it('renders nothing when signed out', async () => {
    const { server } = await adaSignedIn()
    const wrapper = await mountWithClerk(OrganizationSwitcher, createTestClerk(server).clerk)
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('has no axe violations with the menu open', async () => {
    const { org, bob } = await adaAndBob()
    await org.inviteMember({ emailAddress: 'bob@example.com', role: 'org:member' })
    await bob.clerk.createOrganization({ name: 'Bobs' })
    const wrapper = await mountWithClerk(OrganizationSwitcher, bob.clerk, { props: { defaultOpen: true } })
    await until(() => items(wrapper).includes('Join Acme Inc') && items(wrapper).includes('Switch to Bobs'))
    await expectNoAxeViolations(wrapper.element)
  })
})
