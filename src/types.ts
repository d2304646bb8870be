// The Vue layer's names for the core's classes (ClerkJS's `*Resource` type names), in one place.
import type {
  BackupCode,
  Client,
  Organization,
  OrganizationDomain,
  OrganizationInvitation,
  OrganizationMembership,
  OrganizationMembershipRequest,
  OrganizationSuggestion,
  PhoneNumber,
  Session,
  SignIn,
  SignUp,
  TOTP,
  User,
  UserOrganizationInvitation,
} from './core'

export type { Clerk, ClerkOptions, GetTokenOptions, RedirectOptions, Resources, SetActiveParams, SignOutOptions } from './core'

/** The device's client: every session it holds plus the in-progress sign-in and sign-up. */
export type ClientResource = Client
/** A session of the client. */
export type SessionResource = Session
/** The signed-in user. */
export type UserResource = User
/** One of the signed-in user's phone numbers. */
export type PhoneNumberResource = PhoneNumber
/** An authenticator-app enrolment (`user.createTOTP()` / `user.verifyTOTP()`). */
export type TOTPResource = TOTP
/** A new set of backup codes (`user.createBackupCode()`), shown once. */
export type BackupCodeResource = BackupCode
/** The in-progress sign-in of the client. */
export type SignInResource = SignIn
/** The in-progress sign-up of the client. */
export type SignUpResource = SignUp
/** An organization (the active one is `clerk.organization`). */
export type OrganizationResource = Organization
/** A membership: the user's own, or a row of an organization's member list. */
export type OrganizationMembershipResource = OrganizationMembership
/** An invitation as an organization's admins see it. */
export type OrganizationInvitationResource = OrganizationInvitation
/** An invitation addressed to the signed-in user. */
export type UserOrganizationInvitationResource = UserOrganizationInvitation
/** An organization the signed-in user may join through a verified email domain. */
export type OrganizationSuggestionResource = OrganizationSuggestion
/** A request to join an organization, as its admins see it. */
export type OrganizationMembershipRequestResource = OrganizationMembershipRequest
/** An email domain of an organization. */
export type OrganizationDomainResource = OrganizationDomain
