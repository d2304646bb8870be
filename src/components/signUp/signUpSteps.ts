import type { SignUpResource } from '../../types'

/** The steps of `<SignUp>`, as URL segments (Clerk's paths). */
export type SignUpStep = 'start' | 'continue' | 'verify-email-address' | 'verify-phone-number'

type SignUpState = Pick<SignUpResource, 'id' | 'status' | 'missingFields' | 'unverifiedFields'>

const VERIFY_STEPS = [['email_address', 'verify-email-address'], ['phone_number', 'verify-phone-number']] as const

/**
 * Where an unfinished sign-up continues: verify the identifiers it was given first, then ask for the
 * missing fields; `complete` once it created a session.
 */
export function nextSignUpStep(signUp: SignUpState): SignUpStep | 'complete' {
  if (signUp.status === 'complete')
    return 'complete'
  if (!signUp.id || signUp.status !== 'missing_requirements')
    return 'start'
  for (const [field, step] of VERIFY_STEPS) {
    if (signUp.unverifiedFields.includes(field))
      return step
  }
  return signUp.missingFields.length > 0 ? 'continue' : 'start'
}

/**
 * The step to show: the one the URL names when the sign-up is at it; for the first step, where an
 * unfinished sign-up left off (unless the user chose to start over).
 */
export function resolveSignUpStep(requested: string, signUp: SignUpState | undefined, startOver: boolean): SignUpStep {
  if (!signUp)
    return 'start'
  const next = nextSignUpStep(signUp)
  if (next === 'complete' || next === 'start')
    return 'start'
  if (requested === '' || requested === 'start')
    return startOver ? 'start' : next
  const verify = VERIFY_STEPS.find(([, step]) => step === requested)
  if (verify)
    return signUp.unverifiedFields.includes(verify[0]) ? verify[1] : next
  return requested === 'continue' && signUp.missingFields.length > 0 ? 'continue' : next
}
