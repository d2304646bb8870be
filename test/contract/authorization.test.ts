import type { CheckAuthorizationInput, CheckAuthorizationParams } from '../../src/contract'
import { describe, expect, it } from 'vitest'
import { createCheckAuthorization, parseSessionClaims } from '../../src/contract'
import { v2Claims } from './fixtures/jwt'

const admin: CheckAuthorizationInput = {
  userId: 'user_1',
  orgId: 'org_1',
  orgRole: 'org:admin',
  orgPermissions: ['org:sys_memberships:manage', 'org:invoices:create'],
  features: ['o:impersonation', 'u:export', 'uo:reports'],
  plans: ['u:free', 'o:pro'],
  factorVerificationAge: [5, 5],
}

describe('createCheckAuthorization', () => {
  describe('organization role and permission', () => {
    it.each<[string, CheckAuthorizationParams, boolean]>([
      ['role without prefix', { role: 'admin' }, true],
      ['role with prefix', { role: 'org:admin' }, true],
      ['another role', { role: 'member' }, false],
      ['a role that only shares a prefix', { role: 'adm' }, false],
      ['a held permission without prefix', { permission: 'invoices:create' }, true],
      ['a held permission with prefix', { permission: 'org:invoices:create' }, true],
      ['a system permission', { permission: 'org:sys_memberships:manage' }, true],
      ['a permission not held', { permission: 'org:invoices:delete' }, false],
      ['role and permission both held', { role: 'admin', permission: 'invoices:create' }, true],
      ['role held but permission not', { role: 'admin', permission: 'invoices:delete' }, false],
      ['an empty role', { role: '' }, false],
    ])('%s -> %s', (_, params, expected) => {
      expect(createCheckAuthorization(admin)(params)).toBe(expected)
    })

    it('fails role checks without an active organization', () => {
      expect(createCheckAuthorization({ ...admin, orgId: null })({ role: 'admin' })).toBe(false)
    })

    it('fails permission checks when the permissions are unknown', () => {
      expect(createCheckAuthorization({ ...admin, orgPermissions: null })({ permission: 'invoices:create' })).toBe(false)
    })

    it('fails role checks when the role is unknown', () => {
      expect(createCheckAuthorization({ ...admin, orgRole: null })({ role: 'admin' })).toBe(false)
    })
  })

  describe('features and plans', () => {
    it.each<[string, CheckAuthorizationParams, boolean]>([
      ['an org feature asked with o:', { feature: 'o:impersonation' }, true],
      ['an org feature asked with org:', { feature: 'org:impersonation' }, true],
      ['an org feature asked as a user feature', { feature: 'u:impersonation' }, false],
      ['a feature of any scope', { feature: 'impersonation' }, true],
      ['a user feature', { feature: 'user:export' }, true],
      ['a uo feature asked with o:', { feature: 'o:reports' }, true],
      ['a uo feature asked with u:', { feature: 'u:reports' }, true],
      ['a missing feature', { feature: 'sso' }, false],
      ['an unknown scope', { feature: 'team:impersonation' }, false],
      ['a user plan', { plan: 'u:free' }, true],
      ['an org plan of any scope', { plan: 'pro' }, true],
      ['an org plan asked as user plan', { plan: 'u:pro' }, false],
      ['feature and plan both held', { feature: 'export', plan: 'free' }, true],
      ['feature held but plan not', { feature: 'export', plan: 'enterprise' }, false],
    ])('%s -> %s', (_, params, expected) => {
      expect(createCheckAuthorization(admin)(params)).toBe(expected)
    })

    it('fails feature checks without a fea claim', () => {
      expect(createCheckAuthorization({ ...admin, features: null })({ feature: 'export' })).toBe(false)
    })
  })

  describe('reverification', () => {
    it.each<[string, CheckAuthorizationInput['factorVerificationAge'], CheckAuthorizationParams['reverification'], boolean]>([
      ['strict with both factors fresh', [5, 5], 'strict', true],
      ['strict with a stale second factor', [5, 10], 'strict', false],
      ['strict with second factor not enrolled falls back to the first', [9, -1], 'strict', true],
      ['strict with no second factor and a stale first', [10, -1], 'strict', false],
      ['strict with first factor not enrolled uses the second', [-1, 3], 'strict', true],
      ['strict_mfa needs both fresh', [5, 5], 'strict_mfa', true],
      ['strict_mfa with a stale first factor', [15, 5], 'strict_mfa', false],
      ['strict_mfa without 2FA uses the first factor', [5, -1], 'strict_mfa', true],
      ['strict_mfa without a first factor', [-1, 5], 'strict_mfa', false],
      ['moderate at 59 minutes', [59, 59], 'moderate', true],
      ['moderate at 60 minutes', [60, 60], 'moderate', false],
      ['lax within a day', [1439, 1439], 'lax', true],
      ['lax after a day', [1440, 1440], 'lax', false],
      ['custom first_factor', [20, -1], { level: 'first_factor', afterMinutes: 30 }, true],
      ['custom first_factor ignores the second factor', [40, 1], { level: 'first_factor', afterMinutes: 30 }, false],
      ['custom second_factor', [100, 20], { level: 'second_factor', afterMinutes: 30 }, true],
      ['custom multi_factor', [20, 40], { level: 'multi_factor', afterMinutes: 30 }, false],
      ['nothing enrolled', [-1, -1], 'lax', false],
      ['missing factor ages', null, 'lax', false],
      ['malformed factor ages', [5] as unknown as [number, number], 'lax', false],
      ['an unknown preset', [0, 0], 'paranoid' as 'strict', false],
      ['an unknown level', [0, 0], { level: 'third_factor' as 'first_factor', afterMinutes: 30 }, false],
      ['a non-positive window', [0, 0], { level: 'first_factor', afterMinutes: 0 }, false],
    ])('%s', (_, factorVerificationAge, reverification, expected) => {
      expect(createCheckAuthorization({ ...admin, factorVerificationAge })({ reverification })).toBe(expected)
    })
  })

  describe('combining dimensions', () => {
    it.each<[string, CheckAuthorizationParams, boolean]>([
      ['role and reverification both pass', { role: 'admin', reverification: 'strict' }, true],
      ['role passes, reverification fails', { role: 'admin', reverification: { level: 'first_factor', afterMinutes: 1 } }, false],
      ['feature passes, role fails', { feature: 'export', role: 'member' }, false],
      ['all three pass', { permission: 'invoices:create', plan: 'pro', reverification: 'moderate' }, true],
    ])('%s -> %s', (_, params, expected) => {
      expect(createCheckAuthorization(admin)(params)).toBe(expected)
    })

    it('fails when nothing is asked', () => {
      expect(createCheckAuthorization(admin)({})).toBe(false)
    })

    it('fails when only unknown keys are asked', () => {
      expect(createCheckAuthorization(admin)({ team: 'x' } as CheckAuthorizationParams)).toBe(false)
    })

    it('fails without a user, whatever is asked', () => {
      expect(createCheckAuthorization({ ...admin, userId: null })({ role: 'admin' })).toBe(false)
    })
  })

  it.each<[CheckAuthorizationParams, boolean]>([
    [{ permission: 'memberships:manage' }, true],
    [{ permission: 'impersonation:manage' }, false],
    [{ role: 'admin', plan: 'o:pro', reverification: 'moderate' }, true],
  ])('checks %j against the claims of a v2 token -> %s', (params, expected) => {
    expect(createCheckAuthorization(parseSessionClaims(v2Claims))(params)).toBe(expected)
  })
})
