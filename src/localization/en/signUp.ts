/** Strings of `<SignUp>`. */
export const signUp = {
  start: {
    title: 'Create your account',
    subtitle: 'to continue to {applicationName}',
    haveAccount: 'Already have an account?',
    signInLink: 'Sign in',
  },
  continue: {
    title: 'Fill in the missing fields',
    subtitle: 'to continue to {applicationName}',
  },
  emailCode: {
    title: 'Verify your email',
    subtitle: 'Enter the verification code sent to {identifier}.',
  },
  phoneCode: {
    title: 'Verify your phone number',
    subtitle: 'Enter the verification code sent to {identifier}.',
  },
  legal: {
    accept: 'I agree to the',
    terms: 'Terms of Service',
    and: 'and',
    privacy: 'Privacy Policy',
  },
  startOver: 'Start over',
  completing: 'Creating your account…',
} as const
