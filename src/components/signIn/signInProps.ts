import type { Appearance } from '../appearance'
import type { AfterAuthRedirectProps } from '../composables/authUrls'
import type { RoutingProps } from '../composables/useFlowRouting'

/** Values to prefill `<SignIn>`'s form with. */
export interface SignInInitialValues {
  /** Prefills the identifier field with anything (email or username). */
  identifier?: string
  emailAddress?: string
  username?: string
}

/** Props of `<SignIn>` (Clerk's names). */
export interface SignInProps extends RoutingProps, AfterAuthRedirectProps {
  /** The sign-up page the "Sign up" link leads to. @default the Clerk object's sign-up URL */
  signUpUrl?: string
  /** Prefills the form. */
  initialValues?: SignInInitialValues
  /** Theme of this component, layered over the plugin's `appearance`. */
  appearance?: Appearance
}
