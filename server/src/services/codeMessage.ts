import type { CodePurpose } from './codes'

/** The subject and plain-text body of a code email, in the application's name. */
export function codeMessage(applicationName: string, purpose: CodePurpose, code: string, ttlSeconds: number): { subject: string, text: string } {
  const minutes = Math.round(ttlSeconds / 60)
  const action = {
    verify_email: 'verify your email address',
    sign_in: 'sign in',
    reset_password: 'reset your password',
  }[purpose]
  return {
    subject: `${code} is your ${applicationName} code`,
    text: `Use the code ${code} to ${action} on ${applicationName}. It expires in ${minutes} minutes.\n\n`
      + `If you did not ask for this code, you can ignore this email.\n`,
  }
}
