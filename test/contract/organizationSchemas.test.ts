import { describe, expect, it } from 'vitest'
import {
  envelopeSchema,
  organizationDomainSchema,
  organizationInvitationSchema,
  organizationMembershipRequestSchema,
  organizationMembershipSchema,
  organizationSchema,
  organizationSuggestionSchema,
  paginatedSchema,
  parseContract,
  publicUserDataSchema,
  roleSchema,
} from '../../src/contract'
import { membershipJSON, organizationJSON, publicUserDataJSON } from './fixtures/identity'
import { invitationJSON, membershipRequestJSON, roleJSON, suggestionJSON, userInvitationJSON } from './fixtures/organization'

describe('organizationSchema', () => {
  it('parses an organization and keeps unknown keys', () => {
    const org = parseContract(organizationSchema, { ...organizationJSON(), billing_hint: 'x' }, 'organization')
    expect(org.slug).toBe('marine-projex')
    expect(org.billing_hint).toBe('x')
  })

  it('accepts a null slug (slugs disabled)', () => {
    expect(parseContract(organizationSchema, { ...organizationJSON(), slug: null }, 'organization').slug).toBeNull()
  })

  it('names a missing name', () => {
    const { name: _, ...json } = organizationJSON()
    expect(() => parseContract(organizationSchema, json, 'organization'))
      .toThrow('Invalid FAPI response for organization: name: expected string, received undefined')
  })
})

describe('organizationMembershipSchema', () => {
  it('parses a member-list entry with public user data', () => {
    const membership = parseContract(organizationMembershipSchema, { ...membershipJSON(), public_user_data: publicUserDataJSON() }, 'organization_membership')
    expect(membership.public_user_data?.identifier).toBe('jane@example.com')
    expect(membership.role).toBe('org:admin')
  })

  it('names a malformed nested organization field', () => {
    const json = { ...membershipJSON(), organization: { ...organizationJSON(), created_at: '2024-01-01' } }
    expect(() => parseContract(organizationMembershipSchema, json, 'organization_membership'))
      .toThrow('organization.created_at: expected number, received string')
  })
})

describe('organizationInvitationSchema', () => {
  it('parses the admin view with organization_id', () => {
    expect(parseContract(organizationInvitationSchema, invitationJSON(), 'organization_invitation').organization_id).toBe('org_2marine')
  })

  it('parses the /me view with public_organization_data', () => {
    expect(parseContract(organizationInvitationSchema, userInvitationJSON(), 'organization_invitation').public_organization_data?.name).toBe('Marine Projex')
  })

  it('rejects an unknown invitation status', () => {
    expect(() => parseContract(organizationInvitationSchema, { ...invitationJSON(), status: 'maybe' }, 'organization_invitation')).toThrow('status:')
  })
})

describe('organizationSuggestionSchema, organizationMembershipRequestSchema and roleSchema', () => {
  it('parses a suggestion', () => {
    expect(parseContract(organizationSuggestionSchema, suggestionJSON(), 'organization_suggestion').status).toBe('pending')
  })

  it('parses a membership request', () => {
    expect(parseContract(organizationMembershipRequestSchema, membershipRequestJSON(), 'organization_membership_request').public_user_data.user_id).toBe('user_2abc')
  })

  it('parses a role with its permissions', () => {
    expect(parseContract(roleSchema, roleJSON(), 'role').permissions[0]?.key).toBe('org:sys_memberships:read')
  })

  it('names the bad permission type inside a role', () => {
    const json = roleJSON()
    const broken = { ...json, permissions: [{ ...json.permissions[0], type: 'custom' }] }
    expect(() => parseContract(roleSchema, broken, 'role')).toThrow('permissions[0].type: Invalid option')
  })
})

describe('publicUserDataSchema', () => {
  it('rejects public user data without identifier', () => {
    const { identifier: _, ...json } = publicUserDataJSON()
    expect(() => parseContract(publicUserDataSchema, json, 'public_user_data')).toThrow('identifier: expected string, received undefined')
  })
})

describe('paginated organization lists', () => {
  it('parses a wrapped page of memberships', () => {
    const page = parseContract(envelopeSchema(paginatedSchema(organizationMembershipSchema)), { response: { data: [membershipJSON()], total_count: 1 }, client: null }, 'memberships')
    expect(page.response.data[0]?.organization.id).toBe('org_2marine')
  })

  it('keeps has_role_set_migration on a page of roles', () => {
    const roles = parseContract(paginatedSchema(roleSchema), { data: [roleJSON()], total_count: 1, has_role_set_migration: false }, 'roles')
    expect(roles.has_role_set_migration).toBe(false)
  })

  it('names the page entry that is broken', () => {
    const json = { data: [membershipJSON(), { ...membershipJSON(), role: 7 }], total_count: 2 }
    expect(() => parseContract(paginatedSchema(organizationMembershipSchema), json, 'memberships'))
      .toThrow('Invalid FAPI response for memberships: data[1].role: expected string, received number')
  })
})

describe('organizationDomainSchema', () => {
  const domain = { object: 'organization_domain', id: 'orgdmn_1', organization_id: 'org_2marine', name: 'marine.example', enrollment_mode: 'automatic_suggestion', affiliation_email_address: null, verification: { status: 'verified', strategy: 'email_code', attempts: 1, expire_at: 1_730_409_958_000 }, total_pending_invitations: 0, total_pending_suggestions: 2, created_at: 1_730_409_958_000, updated_at: 1_730_409_958_000 }

  it('parses a verified domain', () => {
    expect(parseContract(organizationDomainSchema, domain, 'organization_domain').enrollment_mode).toBe('automatic_suggestion')
  })

  it('rejects an unknown enrollment mode', () => {
    expect(() => parseContract(organizationDomainSchema, { ...domain, enrollment_mode: 'open' }, 'organization_domain')).toThrow('enrollment_mode: Invalid option')
  })
})
