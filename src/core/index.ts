// The framework-agnostic SDK core: the Clerk object, its resources and errors. The Vue layer imports
// from here only; the transport (`./fapi`) and the token cache (`./tokens`) stay internal.

export { Clerk } from './Clerk'
export type { SetActiveParams, SignOutOptions } from './Clerk'
export type { ClerkOptions } from './clerk/clerkOptions'
export type { ClientState } from './clerk/clientState'
export type { ListenerOptions, Resources } from './clerk/createClientStore'
export type { Navigate, RouterFn } from './clerk/createNavigator'
export type { AllowedRedirectOrigins } from './clerk/createRedirectGuard'
export type { RedirectOptions, RedirectUrlOptions } from './clerk/redirectUrls'
export {
  ClerkAPIResponseError,
  ClerkOfflineError,
  isClerkAPIResponseError,
  isClerkOfflineError,
} from './errors'
export type { ClerkAPIError, ClerkAPIErrorMeta } from './errors'
export { Client } from './resources/Client'
export { EmailAddress } from './resources/EmailAddress'
export type { AttemptEmailAddressVerificationParams, PrepareEmailAddressVerificationParams } from './resources/EmailAddress'
export { Environment } from './resources/Environment'
export type { AuthConfig, DisplayConfig, OrganizationSettings, UserSettings } from './resources/Environment'
export { OrganizationMembership } from './resources/OrganizationMembership'
export type { MembershipOrganization } from './resources/OrganizationMembership'
export { PhoneNumber } from './resources/PhoneNumber'
export type { PublicUserData } from './resources/PublicUserData'
export type { GetTokenOptions } from './resources/ResourceContext'
export { Session } from './resources/Session'
export type { SessionTouchParams } from './resources/Session'
export type { CheckAuthorizationParams } from './resources/sessionAuthorization'
export { SessionWithActivities } from './resources/SessionWithActivities'
export type { SessionActivity } from './resources/SessionWithActivities'
export { SignIn } from './resources/SignIn'
export type {
  AttemptFirstFactorParams,
  AttemptSecondFactorParams,
  PrepareFirstFactorParams,
  PrepareSecondFactorParams,
  ResetPasswordParams,
  SignInCreateParams,
  SignInFactor,
  SignInUserData,
} from './resources/SignIn'
export { SignUp } from './resources/SignUp'
export type {
  SignUpAttemptVerificationParams,
  SignUpCreateParams,
  SignUpPrepareVerificationParams,
  SignUpVerifications,
} from './resources/SignUp'
export { Token } from './resources/Token'
export { User } from './resources/User'
export type {
  CreateEmailAddressParams,
  RemoveUserPasswordParams,
  UpdateUserMetadataParams,
  UpdateUserParams,
  UpdateUserPasswordParams,
} from './resources/User'
export { SignUpVerification, Verification } from './resources/Verification'
export type { VerificationError } from './resources/Verification'
