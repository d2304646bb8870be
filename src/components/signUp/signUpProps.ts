import type { Appearance } from '../appearance'
import type { AfterAuthRedirectProps } from '../composables/authUrls'
import type { RoutingProps } from '../composables/useFlowRouting'

/** Values to prefill `<SignUp>`'s form with. */
export interface SignUpInitialValues {
  emailAddress?: string
  username?: string
  firstName?: string
  lastName?: string
  phoneNumber?: string
}

/** Props of `<SignUp>` (Clerk's names). */
export interface SignUpProps extends RoutingProps, AfterAuthRedirectProps {
  /** The sign-in page the "Sign in" link leads to. @default the Clerk object's sign-in URL */
  signInUrl?: string
  /** Prefills the form. */
  initialValues?: SignUpInitialValues
  /** Stored on the new user as `unsafeMetadata`. */
  unsafeMetadata?: Record<string, unknown>
  /** Theme of this component, layered over the plugin's `appearance`. */
  appearance?: Appearance
}
