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
    unsupported: 'This account uses two-step verification, which this sign-in form does not support yet.',
  },
  completing: 'Signing you in…',
} as const
