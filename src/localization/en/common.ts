/** Strings shared by every component: buttons, field labels, generic states. */
export const common = {
  continue: 'Continue',
  back: 'Back',
  change: 'Change',
  cancel: 'Cancel',
  save: 'Save',
  saved: 'Saved.',
  loading: 'Loading…',
  alreadySignedIn: 'You’re already signed in.',
  optional: 'Optional',
  showPassword: 'Show password',
  hidePassword: 'Hide password',
  resendCode: 'Didn’t receive a code? Resend',
  resendCodeIn: 'Resend code in {seconds} s',
  codeSent: 'A new code is on its way.',
  verify: 'Verify',
  unexpectedError: 'Something went wrong. Please try again.',
  offline: 'You appear to be offline. Check your connection and try again.',
  passwordsDoNotMatch: 'The passwords don’t match.',
  securedBy: 'Secured by Portico',
} as const

/** Labels of form fields, keyed by their wire names (the `meta.param_name` an error names). */
export const fields = {
  identifier: 'Email address or username',
  email_address: 'Email address',
  username: 'Username',
  phone_number: 'Phone number',
  password: 'Password',
  current_password: 'Current password',
  new_password: 'New password',
  confirm_password: 'Confirm password',
  first_name: 'First name',
  last_name: 'Last name',
  code: 'Verification code',
} as const
