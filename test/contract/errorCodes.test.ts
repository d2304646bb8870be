import { describe, expect, it } from 'vitest'
import { clerkError, clerkErrorEnvelopeSchema, errorCodes, isClerkErrorCode } from '../../src/contract'

describe('errorCodes', () => {
  it.each([
    ['form_identifier_not_found', 422],
    ['form_password_incorrect', 422],
    ['form_code_incorrect', 422],
    ['form_identifier_exists', 422],
    ['form_param_missing', 422],
    ['form_password_pwned', 422],
    ['form_password_length_too_long', 422],
    ['session_exists', 400],
    ['identifier_already_signed_in', 400],
    ['verification_expired', 400],
    ['verification_failed', 400],
    ['verification_code_too_many_requests', 429],
    ['too_many_requests', 429],
    ['resource_not_found', 404],
    ['not_found', 404],
    ['authentication_invalid', 401],
    ['dev_browser_unauthenticated', 401],
    ['user_locked', 403],
    ['origin_invalid', 400],
    ['request_body_invalid', 400],
    ['invalid_redirect_url', 400],
    ['session_reverification_required', 403],
    ['missing_expired_token', 422],
    ['organization_invitation_not_found', 404],
    ['unsupported_content_type', 415],
    ['payload_too_large', 413],
    ['internal_clerk_error', 500],
  ] as const)('maps %s to HTTP %i', (code, status) => {
    expect(errorCodes[code].status).toBe(status)
  })

  it('uses lower snake case for every code and a 4xx/5xx status', () => {
    for (const [code, entry] of Object.entries(errorCodes)) {
      expect(code).toMatch(/^[a-z]+(?:_[a-z0-9]+)*$/)
      expect(entry.status).toBeGreaterThanOrEqual(400)
      expect(entry.message.length).toBeGreaterThan(0)
    }
  })

  it('is frozen, entries included', () => {
    expect(Object.isFrozen(errorCodes)).toBe(true)
    expect(Object.isFrozen(errorCodes.form_code_incorrect)).toBe(true)
  })
})

describe('isClerkErrorCode', () => {
  it.each([
    ['form_code_incorrect', true],
    ['toString', false],
    ['FORM_CODE_INCORRECT', false],
    [42, false],
  ])('says %s -> %s', (code, expected) => {
    expect(isClerkErrorCode(code)).toBe(expected)
  })
})

describe('clerkError', () => {
  it('builds the wire error from the catalogue', () => {
    expect(clerkError('form_password_incorrect')).toEqual({
      code: 'form_password_incorrect',
      message: 'Password is incorrect. Try again, or use another method.',
      long_message: 'Password is incorrect. Try again, or use another method.',
      meta: {},
    })
  })

  it('uses the catalogue long message when there is one', () => {
    expect(clerkError('form_code_incorrect').long_message).toBe('Incorrect code')
  })

  it('applies overrides and meta such as param_name', () => {
    const error = clerkError('form_param_missing', { message: 'is missing', longMessage: 'identifier must be included.', meta: { param_name: 'identifier' } })
    expect(error).toEqual({ code: 'form_param_missing', message: 'is missing', long_message: 'identifier must be included.', meta: { param_name: 'identifier' } })
  })

  it('reuses an overridden message as the long message rather than the stale default', () => {
    expect(clerkError('form_param_missing', { message: 'email_address is missing' }).long_message).toBe('email_address is missing')
  })

  it('produces errors the error envelope schema accepts', () => {
    const body = { errors: [clerkError('session_exists'), clerkError('form_identifier_exists', { meta: { param_name: 'email_address' } })] }
    expect(clerkErrorEnvelopeSchema.safeParse(body).success).toBe(true)
  })

  it('copies meta so later edits do not leak into the error', () => {
    const meta = { param_name: 'code' }
    const error = clerkError('form_code_incorrect', { meta })
    meta.param_name = 'other'
    expect(error.meta.param_name).toBe('code')
  })
})
