import { describe, expect, it } from 'vitest'
import CreateOrganization from '../../src/components/CreateOrganization.vue'
import { adaSignedIn } from '../core/organizations/orgTestHelpers'
import { createTestClerk } from '../helpers/createTestClerk'
import { expectNoAxeViolations } from './axe'
import { mountWithClerk, until } from './mountWithClerk'

describe('<CreateOrganization>', () => {
  it('derives the slug from the name until the slug is edited', async () => {
    const { clerk } = await adaSignedIn()
    const wrapper = await mountWithClerk(CreateOrganization, clerk)
    await wrapper.get('input[name="name"]').setValue('Acme Inc.')
    expect((wrapper.get('input[name="slug"]').element as HTMLInputElement).value).toBe('acme-inc')
    await wrapper.get('input[name="slug"]').setValue('acme')
    await wrapper.get('input[name="name"]').setValue('Acme Incorporated')
    expect((wrapper.get('input[name="slug"]').element as HTMLInputElement).value).toBe('acme')
  })

  it('creates the organization, makes it active and goes to afterCreateOrganizationUrl', async () => {
    const { clerk, navigations } = await adaSignedIn()
    const wrapper = await mountWithClerk(CreateOrganization, clerk, { props: { afterCreateOrganizationUrl: (org: { slug: string }) => `/orgs/${org.slug}` } })
    await wrapper.get('input[name="name"]').setValue('Acme Inc')
    await wrapper.get('form').trigger('submit')
    await until(() => navigations.includes('/orgs/acme-inc'))
    expect(clerk.organization?.name).toBe('Acme Inc')
    expect(clerk.user?.organizationMemberships.map(m => m.role)).toEqual(['org:admin'])
  })

  it('confirms and starts over when there is nowhere to go', async () => {
    const { clerk } = await adaSignedIn()
    const wrapper = await mountWithClerk(CreateOrganization, clerk)
    await wrapper.get('input[name="name"]').setValue('Beta')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.get('[role="status"]').text() === 'Beta was created.')
    expect((wrapper.get('input[name="name"]').element as HTMLInputElement).value).toBe('')
    expect(wrapper.emitted('created')).toHaveLength(1)
  })

  it('shows a taken slug at the slug field', async () => {
    const { clerk } = await adaSignedIn()
    await clerk.createOrganization({ name: 'Acme', slug: 'acme' })
    const wrapper = await mountWithClerk(CreateOrganization, clerk)
    await wrapper.get('input[name="name"]').setValue('Acme')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.get('input[name="slug"]').attributes('aria-invalid') === 'true')
    expect(wrapper.text()).toContain('That slug is taken. Please try another.')
    expect(clerk.organization).toBeNull()
  })

  it.each([
    ['a missing name', '', 'acme', 'name'],
    ['a malformed slug', 'Acme', 'Not A Slug!', 'slug'],
  ])('shows %s at its field', async (_case, name, slug, field) => {
    const { clerk } = await adaSignedIn()
    const wrapper = await mountWithClerk(CreateOrganization, clerk)
    await wrapper.get('input[name="name"]').setValue(name)
    await wrapper.get('input[name="slug"]').setValue(slug)
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('[aria-invalid="true"]').exists())
    expect(wrapper.findAll('[aria-invalid="true"]').map(input => input.attributes('name'))).toEqual([field])
    expect(clerk.user?.organizationMemberships).toEqual([])
  })

  it('renders nothing when signed out', async () => {
    const { server } = await adaSignedIn()
    const { clerk } = createTestClerk(server)
    const wrapper = await mountWithClerk(CreateOrganization, clerk)
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it('has no axe violations', async () => {
    const { clerk } = await adaSignedIn()
    const wrapper = await mountWithClerk(CreateOrganization, clerk)
    await expectNoAxeViolations(wrapper.element)
  })
})
