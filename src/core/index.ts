// The framework-agnostic SDK core: the Clerk object, its resources and errors. The Vue layer imports
// from here only; the transport (`./fapi`) and the token cache (`./tokens`) stay internal.

export { Clerk } from './Clerk'
export type { SetActiveParams, SignOutOptions } from './Clerk'
export type { ClerkOptions } from './clerk/clerkOptions'
export type { ClientState } from './clerk/clientState'
export type { ListenerOptions, Resources } from './clerk/createClientStore'
export type { Navigate, RouterFn } from './clerk/createNavigator'
export type { AllowedRedirectOrigins } from './clerk/createRedirectGuard'
export type { SessionTokenUpdate } from './clerk/followSessionTokens'
export type { CreateOrganizationParams } from './clerk/organizations'
export type { RedirectOptions, RedirectUrlOptions } from './clerk/redirectUrls'
export {
  ClerkAPIResponseError,
  ClerkOfflineError,
  isClerkAPIResponseError,
  isClerkOfflineError,
} from './errors'
export type { ClerkAPIError, ClerkAPIErrorMeta } from './errors'
export { BackupCode } from './resources/BackupCode'
export { Client } from './resources/Client'
export type { DeletedObject } from './resources/DeletedObject'
export { EmailAddress } from './resources/EmailAddress'
export type { AttemptEmailAddressVerificationParams, PrepareEmailAddressVerificationParams } from './resources/EmailAddress'
export { Environment } from './resources/Environment'
export type { AuthConfig, DisplayConfig, OrganizationSettings, UserSettings } from './resources/Environment'
export type { ImageResource } from './resources/ImageResource'
export type { ImageUploadFile } from './resources/imageUploadBody'
export { Organization } from './resources/Organization'
export { OrganizationDomain } from './resources/OrganizationDomain'
export type {
  AttemptAffiliationVerificationParams,
  OrganizationEnrollmentMode,
  PrepareAffiliationVerificationParams,
  UpdateEnrollmentModeParams,
} from './resources/OrganizationDomain'
export { OrganizationInvitation } from './resources/OrganizationInvitation'
export { OrganizationMembership } from './resources/OrganizationMembership'
export type { UpdateOrganizationMembershipParams } from './resources/OrganizationMembership'
export { OrganizationMembershipRequest } from './resources/OrganizationMembershipRequest'
export type {
  AddMemberParams,
  CreateOrganizationDomainParams,
  GetDomainsParams,
  GetInvitationsParams,
  GetMembershipRequestParams,
  GetMembersParams,
  GetRolesParams,
  InviteMemberParams,
  InviteMembersParams,
  SetOrganizationLogoParams,
  UpdateMembershipParams,
  UpdateOrganizationParams,
} from './resources/organizationParams'
export { OrganizationSuggestion } from './resources/OrganizationSuggestion'
export type { GetUserOrganizationSuggestionsParams, OrganizationSuggestionStatus } from './resources/OrganizationSuggestion'
export type { ClerkPaginatedResponse, ClerkPaginationParams } from './resources/pagination'
export type { Permission } from './resources/Permission'
export { PhoneNumber } from './resources/PhoneNumber'
export type {
  AttemptPhoneNumberVerificationParams,
  PreparePhoneNumberVerificationParams,
  SetReservedForSecondFactorParams,
} from './resources/PhoneNumber'
export type { PublicOrganizationData } from './resources/PublicOrganizationData'
export type { PublicUserData } from './resources/PublicUserData'
export type { GetTokenOptions } from './resources/ResourceContext'
export type { GetRolesResponse, Role } from './resources/Role'
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
export { TOTP } from './resources/TOTP'
export { User } from './resources/User'
export type {
  CreateEmailAddressParams,
  RemoveUserPasswordParams,
  SetProfileImageParams,
  UpdateUserMetadataParams,
  UpdateUserParams,
  UpdateUserPasswordParams,
} from './resources/User'
export { UserOrganizationInvitation } from './resources/UserOrganizationInvitation'
export type { GetUserOrganizationInvitationsParams } from './resources/UserOrganizationInvitation'
export type { GetUserOrganizationMembershipParams } from './resources/userOrganizations'
export type { CreatePhoneNumberParams, VerifyTOTPParams } from './resources/userSecondFactors'
export { SignUpVerification, Verification } from './resources/Verification'
export type { VerificationError } from './resources/Verification'
