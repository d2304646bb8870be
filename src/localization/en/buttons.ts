/** Default texts of the button components. */
export const buttons = {
  signIn: 'Sign in',
  signUp: 'Sign up',
  signOut: 'Sign out',
} as const
