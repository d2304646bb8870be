// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { adaAndBob, adaSignedIn, apiError } from './orgTestHelpers'

describe('updating and deleting', () => {
  it('renames the organization; clerk.organization follows', async () => {
    const ada = await adaSignedIn()
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    await ada.clerk.setActive({ organization: id })
    const org = ada.clerk.organization!
    const updated = await org.update({ name: 'Acme Corp', slug: 'acme-corp' })
    expect(updated).toBe(org)
    expect([org.name, org.slug]).toEqual(['Acme Corp', 'acme-corp'])
    expect([ada.clerk.organization?.name, ada.clerk.organization?.slug]).toEqual(['Acme Corp', 'acme-corp'])
  })

  it('refuses a malformed slug with form_param_format_invalid', async () => {
    const ada = await adaSignedIn()
    const org = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    const error = await apiError(() => org.update({ name: 'Acme', slug: 'Not A Slug' }))
    expect([error.status, error.errors[0]?.code, error.errors[0]?.meta?.paramName]).toEqual([422, 'form_param_format_invalid', 'slug'])
  })

  it('deletes the active organization: the session falls back to the personal account', async () => {
    const ada = await adaSignedIn()
    const { id } = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    await ada.clerk.setActive({ organization: id })
    await ada.clerk.organization!.destroy()
    expect(ada.clerk.organization).toBeNull()
    expect(ada.clerk.user!.organizationMemberships).toEqual([])
    expect(ada.clerk.session?.lastActiveOrganizationId).toBeNull()
    const error = await apiError(() => ada.clerk.getOrganization(id))
    expect(error.errors[0]?.code).toBe('resource_not_found')
  })

  it('refuses deletion by a plain member with missing_organization_permission', async () => {
    const { org, bob, bobId } = await adaAndBob()
    await org.addMember({ userId: bobId, role: 'org:member' })
    await bob.clerk.user!.reload()
    const asBob = bob.clerk.user!.organizationMemberships[0]!.organization
    const error = await apiError(() => asBob.destroy())
    expect([error.status, error.errors[0]?.code]).toEqual([403, 'missing_organization_permission'])
  })

  it('refuses deletion when the instance does not let admins delete', async () => {
    const ada = await adaSignedIn({ organizations: { adminDelete: false } })
    const org = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    expect(org.adminDeleteEnabled).toBe(false)
    const error = await apiError(() => org.destroy())
    expect([error.status, error.errors[0]?.code]).toEqual([403, 'organization_admin_delete_not_enabled'])
  })

  it('lists the roles with their permissions', async () => {
    const ada = await adaSignedIn()
    const org = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    const roles = await org.getRoles()
    expect(roles.data.map(role => role.key)).toEqual(expect.arrayContaining(['org:admin', 'org:member', 'org:billing']))
    expect(roles.totalCount).toBe(roles.data.length)
    const billing = roles.data.find(role => role.key === 'org:billing')!
    expect(billing.permissions.map(p => [p.key, p.type])).toEqual(expect.arrayContaining([['org:invoices:create', 'user'], ['org:sys_memberships:read', 'system']]))
    expect(billing.createdAt).toBeInstanceOf(Date)
  })
})
