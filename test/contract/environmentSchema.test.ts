import { describe, expect, it } from 'vitest'
import { environmentSchema, parseContract, USER_SETTINGS_ATTRIBUTE_NAMES } from '../../src/contract'
import { environmentJSON } from './fixtures/environment'

describe('environmentSchema', () => {
  it('parses a complete environment', () => {
    const environment = parseContract(environmentSchema, environmentJSON(), 'environment')
    expect(environment.display_config.instance_environment_type).toBe('development')
    expect(environment.user_settings.sign_up?.captcha_enabled).toBe(false)
    expect(environment.organization_settings.creator_role).toBe('org:admin')
  })

  it('carries every known attribute in the attributes map', () => {
    const environment = parseContract(environmentSchema, environmentJSON(), 'environment')
    expect(Object.keys(environment.user_settings.attributes).sort()).toEqual([...USER_SETTINGS_ATTRIBUTE_NAMES].sort())
  })

  it('keeps unknown keys in nested sections', () => {
    const json = environmentJSON()
    const environment = parseContract(environmentSchema, { ...json, display_config: { ...json.display_config, new_knob: 'on' } }, 'environment')
    expect(environment.display_config.new_knob).toBe('on')
  })

  it('names the attribute entry that is malformed', () => {
    const json = environmentJSON()
    const attributes = { ...json.user_settings.attributes, password: { ...json.user_settings.attributes.password, enabled: 'yes' } }
    expect(() => parseContract(environmentSchema, { ...json, user_settings: { ...json.user_settings, attributes } }, 'environment'))
      .toThrow('Invalid FAPI response for environment: user_settings.attributes.password.enabled: expected boolean, received string')
  })

  it('rejects an environment without user_settings', () => {
    const { user_settings: _, ...json } = environmentJSON()
    expect(() => parseContract(environmentSchema, json, 'environment')).toThrow('user_settings: expected object, received undefined')
  })

  it('rejects an unknown instance type', () => {
    const json = environmentJSON()
    expect(() => parseContract(environmentSchema, { ...json, display_config: { ...json.display_config, instance_environment_type: 'local' } }, 'environment'))
      .toThrow('display_config.instance_environment_type: Invalid option')
  })

  it('accepts complete commerce settings', () => {
    const commerce = { billing: { stripe_publishable_key: null, user: { enabled: false, has_paid_plans: false }, organization: { enabled: false, has_paid_plans: false } } }
    expect(parseContract(environmentSchema, { ...environmentJSON(), commerce_settings: commerce }, 'environment').commerce_settings?.billing.user.enabled).toBe(false)
  })

  it('rejects partial commerce settings (clerk-js dereferences every field)', () => {
    const commerce = { billing: { stripe_publishable_key: null, user: { enabled: false, has_paid_plans: false } } }
    expect(() => parseContract(environmentSchema, { ...environmentJSON(), commerce_settings: commerce }, 'environment'))
      .toThrow('commerce_settings.billing.organization: expected object, received undefined')
  })
})
