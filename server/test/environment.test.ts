import { expect, it } from 'vitest'
import { environmentSchema, parseContract, USER_SETTINGS_ATTRIBUTE_NAMES } from '../src/contract'
import { describeEachDb } from './helpers/dbSuites'
import { createTestServer } from './helpers/testServer'

describeEachDb('environment', (ctx) => {
  it('answers a bare environment that the contract accepts, captcha off', async () => {
    const server = createTestServer(ctx.db)
    const res = await server.browser().get('/v1/environment')
    expect(res.status).toBe(200)
    const environment = parseContract(environmentSchema, res.body, 'environment')
    expect(environment.user_settings.sign_up?.captcha_enabled).toBe(false)
    expect(environment.display_config).toMatchObject({ instance_environment_type: 'development', application_name: 'Portico', sign_in_url: null, sign_up_url: null })
    expect(environment.auth_config.single_session_mode).toBe(true)
    expect(environment.commerce_settings?.billing.user).toEqual({ enabled: false, has_paid_plans: false })
  })

  it('sends every user_settings attribute', async () => {
    const server = createTestServer(ctx.db)
    const { attributes } = (await server.browser().get('/v1/environment')).body.user_settings
    expect(Object.keys(attributes).sort()).toEqual([...USER_SETTINGS_ATTRIBUTE_NAMES].sort())
    expect(attributes.email_address).toMatchObject({ enabled: true, required: true, used_for_first_factor: true, verifications: ['email_code'], verify_at_sign_up: true })
  })

  it('mirrors the configuration', async () => {
    const server = createTestServer(ctx.db, {
      applicationName: 'Acme',
      instanceType: 'production',
      sessionMode: 'multi',
      signUp: { firstName: 'required', lastName: 'optional', username: 'off', password: 'required', legalConsent: true },
      passwords: { minLength: 12 },
      signInUrl: '/login',
      signUpUrl: 'https://app.example.com/join',
    })
    const environment = (await server.browser().get('/v1/environment')).body
    expect(environment.display_config).toMatchObject({ application_name: 'Acme', instance_environment_type: 'production', sign_in_url: '/login', sign_up_url: 'https://app.example.com/join' })
    expect(environment.auth_config).toMatchObject({ single_session_mode: false, first_name: 'required', last_name: 'on', username: 'off', password: 'required' })
    expect(environment.user_settings.attributes.first_name).toMatchObject({ enabled: true, required: true })
    expect(environment.user_settings.attributes.last_name).toMatchObject({ enabled: true, required: false })
    expect(environment.user_settings.attributes.username.enabled).toBe(false)
    expect(environment.user_settings.password_settings.min_length).toBe(12)
    expect(environment.user_settings.sign_up.legal_consent_enabled).toBe(true)
  })

  it('answers PATCH (the development-instance touch) with the same body', async () => {
    const server = createTestServer(ctx.db)
    const browser = server.browser()
    const patched = await browser.patch('/v1/environment')
    expect(patched.status).toBe(200)
    expect(patched.body).toEqual((await browser.get('/v1/environment')).body)
  })
})
