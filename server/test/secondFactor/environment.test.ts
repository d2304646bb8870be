import { expect, it } from 'vitest'
import { environmentSchema, parseContract } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { createTestServer } from '../helpers/testServer'

describeEachDb('second factor: environment', (ctx) => {
  async function environment(config = {}) {
    const res = await createTestServer(ctx.db, config).browser().get('/v1/environment')
    return parseContract(environmentSchema, res.body, 'environment')
  }

  it('offers authenticator apps and backup codes by default, and no phone numbers', async () => {
    const { auth_config, user_settings } = await environment()
    expect(auth_config.second_factors).toEqual(['totp', 'backup_code'])
    expect(user_settings.sign_in?.second_factor).toEqual({ required: false, enabled: true })
    expect(user_settings.attributes.authenticator_app).toMatchObject({ enabled: true, used_for_second_factor: true, second_factors: ['totp'] })
    expect(user_settings.attributes.backup_code).toMatchObject({ enabled: true, used_for_second_factor: true, second_factors: ['backup_code'] })
    expect(user_settings.attributes.phone_number).toMatchObject({ enabled: false, used_for_first_factor: false, used_for_second_factor: false })
  })

  it('mirrors phone numbers for sign-up, sign-in and second factor', async () => {
    const { auth_config, user_settings } = await environment({ phoneNumbers: { enabled: true, signIn: true, signUp: 'required' } })
    expect(user_settings.attributes.phone_number).toMatchObject({
      enabled: true,
      required: true,
      used_for_first_factor: true,
      first_factors: ['phone_code', 'reset_password_phone_code'],
      used_for_second_factor: true,
      second_factors: ['phone_code'],
      verifications: ['phone_code'],
      verify_at_sign_up: true,
    })
    expect(auth_config).toMatchObject({ phone_number: 'required', second_factors: ['totp', 'phone_code', 'backup_code'] })
    expect(auth_config.identification_strategies).toContain('phone_number')
    expect(auth_config.first_factors).toContain('phone_code')
  })

  it('turns second factors off one by one', async () => {
    const { auth_config, user_settings } = await environment({ secondFactors: { totp: false, backupCodes: true } })
    expect(auth_config.second_factors).toEqual([])
    expect(user_settings.sign_in?.second_factor?.enabled).toBe(false)
    expect(user_settings.attributes.authenticator_app?.enabled).toBe(false)
    // backup codes only stand in for another second factor
    expect(user_settings.attributes.backup_code?.enabled).toBe(false)
  })
})
