/** Strings of `<SignIn>`. */
export const signIn = {
  start: {
    title: 'Sign in',
    subtitle: 'to continue to {applicationName}',
    addAccountTitle: 'Add an account',
    noAccount: 'Don’t have an account?',
    signUpLink: 'Sign up',
  },
  password: {
    title: 'Enter your password',
    subtitle: 'to continue to {applicationName}',
    forgotPassword: 'Forgot password?',
  },
  emailCode: {
    title: 'Check your email',
    subtitle: 'Enter the verification code sent to {identifier}.',
  },
  alternatives: {
    title: 'Use another method',
    password: 'Sign in with your password',
    emailCode: 'Email a code to {identifier}',
    totp: 'Use your authenticator app',
    phoneCode: 'Text a code to {identifier}',
    backupCode: 'Use a backup code',
  },
  forgotPassword: {
    title: 'Reset your password',
    subtitle: 'Enter the code sent to {identifier} to reset your password.',
  },
  newPassword: {
    title: 'Set a new password',
    signOutOfOtherSessions: 'Sign out of all other devices',
    submit: 'Reset password',
  },
  secondFactor: {
    title: 'Two-step verification',
    unsupported: 'This account uses a two-step verification method this sign-in form does not support.',
    totpSubtitle: 'Enter the code your authenticator app shows.',
    totpLabel: 'Authenticator code',
    phoneTitle: 'Check your phone',
    phoneSubtitle: 'Enter the code sent to {identifier}.',
    backupTitle: 'Enter a backup code',
    backupSubtitle: 'Use one of the backup codes you saved when you set up two-step verification. Each works once.',
    backupLabel: 'Backup code',
    tooManyAttempts: 'Too many incorrect codes: this sign-in has ended. Sign in again to try once more.',
    startOver: 'Sign in again',
  },
  completing: 'Signing you in…',
} as const
