import type { CheckAuthorization, CheckAuthorizationParams } from '../../contract'

/** Props of `<Protect>` (Clerk's names): every condition given must hold. */
export interface ProtectProps {
  /** An organization role, e.g. `org:admin` (or `admin`). */
  role?: string
  /** An organization permission, e.g. `org:invoices:create`. */
  permission?: string
  /** A feature of the user's or organization's plan. */
  feature?: string
  /** A plan, e.g. `pro`. */
  plan?: string
  /** Any condition over `has()`. */
  condition?: (has: CheckAuthorization) => boolean
}

/** What `<Show when>` accepts: a sign-in state, a `has()` query, or a condition over `has()`. */
export type ShowWhen = 'signed-in' | 'signed-out' | CheckAuthorizationParams | ((has: CheckAuthorization) => boolean)

/** Props of `<Show>` (Clerk's newer control component). */
export interface ShowProps {
  when: ShowWhen
  /** Count a session that still has pending tasks as signed out. @default true */
  treatPendingAsSignedOut?: boolean
}

/** Props of `<SignInButton>` and `<SignUpButton>` (Clerk's names). */
export interface AuthButtonProps {
  /** After the flow, always go here. */
  forceRedirectUrl?: string
  /** After the flow, go here when the page had no `redirect_url`. */
  fallbackRedirectUrl?: string
  /** For the other flow, if the user switches to it: always go here afterwards. */
  signUpForceRedirectUrl?: string
  signUpFallbackRedirectUrl?: string
  signInForceRedirectUrl?: string
  signInFallbackRedirectUrl?: string
}

/** Props of `<SignOutButton>` (Clerk's names). */
export interface SignOutButtonProps {
  /** Where to go after signing out. @default the Clerk object's after-sign-out URL */
  redirectUrl?: string
  /** Sign out this session only (multi-session apps). @default every session */
  sessionId?: string
}

/** Props of `<RedirectToSignIn>` and `<RedirectToSignUp>`. */
export interface RedirectToProps {
  /** Where to come back to after the flow. @default the current page */
  redirectUrl?: string
  signInForceRedirectUrl?: string
  signInFallbackRedirectUrl?: string
  signUpForceRedirectUrl?: string
  signUpFallbackRedirectUrl?: string
}
