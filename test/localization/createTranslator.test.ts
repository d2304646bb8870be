import { describe, expect, it } from 'vitest'
import { createTranslator, enUS, interpolate } from '../../src/localization'

describe('interpolate', () => {
  it.each([
    ['Hello {name}', { name: 'Ada' }, 'Hello Ada'],
    ['{a} and {a}', { a: 1 }, '1 and 1'],
    ['Keep {unknown}', { name: 'x' }, 'Keep {unknown}'],
    ['Keep {nothing}', { nothing: null }, 'Keep {nothing}'],
    ['No params', undefined, 'No params'],
  ])('%j with %j gives %j', (template, params, expected) => {
    expect(interpolate(template, params)).toBe(expected)
  })
})

describe('createTranslator', () => {
  it('falls back to English for every key', () => {
    const { t, locale } = createTranslator({}, enUS)
    expect(locale).toBe('en-US')
    expect(t('signIn.start.title')).toBe(enUS.signIn.start.title)
    expect(t('signIn.start.subtitle', { applicationName: 'Acme' })).toBe('to continue to Acme')
  })

  it('takes any key from the overrides, leaving the others English', () => {
    const { t, locale } = createTranslator({ locale: 'fr-FR', signIn: { start: { title: 'Connexion' } } }, enUS)
    expect(locale).toBe('fr-FR')
    expect(t('signIn.start.title')).toBe('Connexion')
    expect(t('signIn.start.noAccount')).toBe(enUS.signIn.start.noAccount)
  })

  it('interpolates overridden strings too', () => {
    const { t } = createTranslator({ common: { resendCodeIn: 'Encore {seconds} s' } }, enUS)
    expect(t('common.resendCodeIn', { seconds: 7 })).toBe('Encore 7 s')
  })

  describe('errorMessage', () => {
    const wire = { code: 'form_identifier_exists', message: 'taken', longMessage: 'That identifier is taken (server).' }

    it('prefers the message for the code and field', () => {
      const { errorMessage } = createTranslator({}, enUS)
      expect(errorMessage({ ...wire, meta: { paramName: 'email_address' } })).toBe('That email address is taken. Please try another.')
    })

    it('uses the message for the code when the field has none', () => {
      const { errorMessage } = createTranslator({}, enUS)
      expect(errorMessage({ ...wire, meta: { paramName: 'phone_number' } })).toBe(enUS.errors.form_identifier_exists)
    })

    it('takes overrides by code, with {paramName}', () => {
      const { errorMessage } = createTranslator({ errors: { form_param_missing: 'Fill in {paramName}.' } }, enUS)
      expect(errorMessage({ code: 'form_param_missing', message: 'is missing', meta: { paramName: 'username' } })).toBe('Fill in username.')
    })

    it('shows the server\'s long message for codes it does not know', () => {
      const { errorMessage } = createTranslator({}, enUS)
      expect(errorMessage({ code: 'brand_new_code', message: 'short', longMessage: 'The long one.' })).toBe('The long one.')
      expect(errorMessage({ code: 'brand_new_code', message: 'short' })).toBe('short')
    })
  })

  it('finds sections added to the defaults after it was created', () => {
    const defaults = {}
    const { t } = createTranslator({}, defaults)
    expect(t('buttons.signIn')).toBe('buttons.signIn')
    Object.assign(defaults, { buttons: enUS.buttons })
    expect(t('buttons.signIn')).toBe('Sign in')
  })

  it('has a message for every error code the form components rely on', () => {
    for (const code of ['form_identifier_not_found', 'form_password_incorrect', 'form_code_incorrect', 'form_identifier_exists', 'form_password_pwned', 'verification_code_too_many_requests', 'user_locked'])
      expect(enUS.errors).toHaveProperty(code)
  })
})
