import { describe, expect, it } from 'vitest'
import { pickFirstFactor, resolveSignInStep, stepForStatus } from '../../src/components/signIn/signInSteps'
import { missingSignUpFields } from '../../src/components/signUp/signUpFields'
import { nextSignUpStep, resolveSignUpStep } from '../../src/components/signUp/signUpSteps'

describe('resolveSignInStep', () => {
  it.each([
    ['', { id: 'sia_1', status: 'needs_first_factor' }, 'start'],
    ['factor-one', { id: 'sia_1', status: 'needs_first_factor' }, 'factor-one'],
    ['reset-password', { id: 'sia_1', status: 'needs_first_factor' }, 'reset-password'],
    ['new-password', { id: 'sia_1', status: 'needs_new_password' }, 'new-password'],
    ['factor-two', { id: 'sia_1', status: 'needs_second_factor' }, 'factor-two'],
    ['factor-one', { id: 'sia_1', status: 'needs_new_password' }, 'start'],
    ['factor-one', { id: '', status: null }, 'start'],
    ['unknown', { id: 'sia_1', status: 'needs_first_factor' }, 'start'],
  ] as const)('%j for %j is %j', (requested, signIn, expected) => {
    expect(resolveSignInStep(requested, signIn as never)).toBe(expected)
  })
})

describe('stepForStatus', () => {
  it.each([
    ['needs_first_factor', 'factor-one'],
    ['needs_new_password', 'new-password'],
    ['needs_second_factor', 'factor-two'],
    ['complete', 'complete'],
    ['needs_identifier', 'start'],
    [null, 'start'],
  ] as const)('%j continues at %j', (status, expected) => {
    expect(stepForStatus(status)).toBe(expected)
  })
})

describe('pickFirstFactor', () => {
  const factors = [
    { strategy: 'password' },
    { strategy: 'email_code', emailAddressId: 'idn_1', safeIdentifier: 'a***@x.dev', primary: true },
    { strategy: 'reset_password_email_code', emailAddressId: 'idn_1' },
  ]
  const fresh = { status: null, strategy: null }

  it.each([
    ['password', fresh, 'password'],
    ['otp', fresh, 'email_code'],
    [undefined, fresh, 'password'],
    ['password', { status: 'unverified', strategy: 'email_code' }, 'email_code'],
  ] as const)('preferring %j with verification %j picks %j', (preferred, verification, expected) => {
    expect(pickFirstFactor({ supportedFirstFactors: factors, firstFactorVerification: verification } as never, preferred)?.strategy).toBe(expected)
  })

  it('never offers a reset factor or a strategy it cannot drive', () => {
    const only = [{ strategy: 'passkey' }, { strategy: 'reset_password_email_code' }]
    expect(pickFirstFactor({ supportedFirstFactors: only, firstFactorVerification: fresh } as never, 'password')).toBeUndefined()
  })
})

describe('sign-up steps', () => {
  const signUp = (missingFields: string[], unverifiedFields: string[], status = 'missing_requirements') => ({ id: 'sua_1', status, missingFields, unverifiedFields }) as never

  it.each([
    [[], ['email_address'], 'verify-email-address'],
    [['password'], ['email_address'], 'verify-email-address'],
    [['password'], [], 'continue'],
    [[], ['phone_number'], 'verify-phone-number'],
  ])('missing %j, unverified %j continues at %j', (missing, unverified, expected) => {
    expect(nextSignUpStep(signUp(missing, unverified))).toBe(expected)
  })

  it('is complete once the sign-up is', () => {
    expect(nextSignUpStep(signUp([], [], 'complete'))).toBe('complete')
  })

  it('resumes an unfinished sign-up from the first step unless told to start over', () => {
    expect(resolveSignUpStep('', signUp(['password'], []), false)).toBe('continue')
    expect(resolveSignUpStep('', signUp(['password'], []), true)).toBe('start')
  })

  it('does not show a verify step for a verified field', () => {
    expect(resolveSignUpStep('verify-email-address', signUp(['password'], []), false)).toBe('continue')
  })

  it('asks only for fields it knows how to render', () => {
    expect(missingSignUpFields(['password', 'oauth_google', 'legal_accepted']).map(field => field.name)).toEqual(['password'])
  })
})
