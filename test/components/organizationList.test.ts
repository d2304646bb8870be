import { describe, expect, it } from 'vitest'
import OrganizationList from '../../src/components/OrganizationList.vue'
import { adaAndBob, adaSignedIn } from '../core/organizations/orgTestHelpers'
import { expectNoAxeViolations } from './axe'
import { mountWithClerk, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

const button = (wrapper: Wrapper, text: string) => wrapper.findAll('button').find(candidate => candidate.text().endsWith(text))

describe('<OrganizationList>', () => {
  it('lists the personal account and the organizations, and selects one', async () => {
    const { clerk, navigations } = await adaSignedIn()
    const acme = await clerk.createOrganization({ name: 'Acme' })
    const wrapper = await mountWithClerk(OrganizationList, clerk, { props: { afterSelectOrganizationUrl: '/dashboard' } })
    await until(() => button(wrapper, 'Continue with Acme'))
    expect(button(wrapper, 'Continue with Personal account')).toBeDefined()
    await button(wrapper, 'Continue with Acme')!.trigger('click')
    await until(() => clerk.organization?.id === acme.id)
    await until(() => navigations.includes('/dashboard'))
  })

  it('hides the personal account with hidePersonal, and says when there is no organization', async () => {
    const { clerk } = await adaSignedIn()
    const wrapper = await mountWithClerk(OrganizationList, clerk, { props: { hidePersonal: true } })
    await until(() => wrapper.text().includes('You are not a member of any organization yet.'))
    expect(button(wrapper, 'Continue with Personal account')).toBeUndefined()
  })

  it('accepts an invitation; the organization moves to the list', async () => {
    const { org, bob } = await adaAndBob()
    await org.inviteMember({ emailAddress: 'bob@example.com', role: 'org:member' })
    const wrapper = await mountWithClerk(OrganizationList, bob.clerk)
    await until(() => wrapper.find('button[aria-label="Join Acme Inc"]').exists())
    await wrapper.get('button[aria-label="Join Acme Inc"]').trigger('click')
    await until(() => button(wrapper, 'Continue with Acme Inc'))
    expect(wrapper.find('button[aria-label="Join Acme Inc"]').exists()).toBe(false)
  })

  it('creates an organization inline and goes to afterCreateOrganizationUrl', async () => {
    const { clerk, navigations } = await adaSignedIn()
    const wrapper = await mountWithClerk(OrganizationList, clerk, { props: { afterCreateOrganizationUrl: '/welcome' } })
    await button(wrapper, 'Create organization')!.trigger('click')
    await wrapper.get('input[name="name"]').setValue('Gamma')
    await wrapper.get('form').trigger('submit')
    await until(() => navigations.includes('/welcome'))
    expect(clerk.organization?.name).toBe('Gamma')
  })

  it('has no axe violations', async () => {
    const { org, bob } = await adaAndBob()
    await org.inviteMember({ emailAddress: 'bob@example.com', role: 'org:member' })
    await bob.clerk.createOrganization({ name: 'Bobs' })
    const wrapper = await mountWithClerk(OrganizationList, bob.clerk)
    await until(() => button(wrapper, 'Continue with Bobs') && wrapper.find('button[aria-label="Join Acme Inc"]').exists())
    await expectNoAxeViolations(wrapper.element)
  })
})
