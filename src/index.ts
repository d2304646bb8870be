/* eslint-disable perfectionist/sort-exports -- values first, then types (house style), each group sorted by path */
export { useAuth } from './composables/useAuth'
export { useClerk } from './composables/useClerk'
export { useClerkReady } from './composables/useClerkReady'
export { useOrganization } from './composables/useOrganization'
export { useOrganizationList } from './composables/useOrganizationList'
export { useSession } from './composables/useSession'
export { useSessionList } from './composables/useSessionList'
export { useSignIn } from './composables/useSignIn'
export { useSignUp } from './composables/useSignUp'
export { useUser } from './composables/useUser'
export { Clerk, ClerkAPIResponseError, ClerkOfflineError, isClerkAPIResponseError, isClerkOfflineError } from './core'
export { clerkContextKey } from './keys'
export { clerkPlugin } from './plugin'
export { authGuard, createAuthGuard } from './router/createAuthGuard'
export { useClientStore } from './stores/useClientStore'
export { useOrganizationStore } from './stores/useOrganizationStore'
export { useSessionStore } from './stores/useSessionStore'
export { useUserStore } from './stores/useUserStore'

export type { AuthLoading, AuthSignedIn, AuthSignedOut, AuthState, GetToken, SignOut, UseAuthOptions, UseAuthReturn } from './composables/useAuth'
export type { OrganizationState, UseOrganizationParams, UseOrganizationReturn } from './composables/useOrganization'
export type {
  CreateOrganization,
  OrganizationListState,
  UseOrganizationListParams,
  UseOrganizationListReturn,
} from './composables/useOrganizationList'
export type { SessionState, UseSessionReturn } from './composables/useSession'
export type { SessionListState, SetActive, UseSessionListReturn } from './composables/useSessionList'
export type { SignInState, UseSignInReturn } from './composables/useSignIn'
export type { SignUpState, UseSignUpReturn } from './composables/useSignUp'
export type { UserState, UseUserReturn } from './composables/useUser'
export type { CheckAuthorization, CheckAuthorizationParams } from './contract'
export type {
  AddMemberParams,
  AttemptAffiliationVerificationParams,
  ClerkAPIError,
  ClerkOptions,
  ClerkPaginatedResponse,
  ClerkPaginationParams,
  CreateOrganizationDomainParams,
  CreateOrganizationParams,
  DeletedObject,
  GetDomainsParams,
  GetInvitationsParams,
  GetMembershipRequestParams,
  GetMembersParams,
  GetRolesParams,
  GetRolesResponse,
  GetTokenOptions,
  GetUserOrganizationInvitationsParams,
  GetUserOrganizationMembershipParams,
  GetUserOrganizationSuggestionsParams,
  ImageResource,
  ImageUploadFile,
  InviteMemberParams,
  InviteMembersParams,
  OrganizationEnrollmentMode,
  OrganizationSuggestionStatus,
  Permission,
  PrepareAffiliationVerificationParams,
  PublicOrganizationData,
  PublicUserData,
  RedirectOptions,
  Role,
  SessionTokenUpdate,
  SetActiveParams,
  SetOrganizationLogoParams,
  SetProfileImageParams,
  SignOutOptions,
  UpdateEnrollmentModeParams,
  UpdateMembershipParams,
  UpdateOrganizationMembershipParams,
  UpdateOrganizationParams,
} from './core'
export type { ClerkContext } from './keys'
export type { ClerkPluginOptions } from './plugin'
export type { AuthGuardOptions, AuthRequirement } from './router/createAuthGuard'
export type {
  BackupCodeResource,
  ClientResource,
  OrganizationDomainResource,
  OrganizationInvitationResource,
  OrganizationMembershipRequestResource,
  OrganizationMembershipResource,
  OrganizationResource,
  OrganizationSuggestionResource,
  PhoneNumberResource,
  SessionResource,
  SignInResource,
  SignUpResource,
  TOTPResource,
  UserOrganizationInvitationResource,
  UserResource,
} from './types'
export type { AuthSnapshot, InitialState } from './utils/deriveAuthState'
export type { PageSetter, PaginatedHookConfig, PaginatedListParams, PaginatedResources } from './utils/paginatedResources'
export type { ToComputedRefs } from './utils/toComputedRefs'
