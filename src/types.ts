// The Vue layer's names for the core's classes (ClerkJS's `*Resource` type names), in one place.
import type { Client, MembershipOrganization, Session, SignIn, SignUp, User } from './core'

export type { Clerk, ClerkOptions, GetTokenOptions, RedirectOptions, Resources, SetActiveParams, SignOutOptions } from './core'

/** The device's client: every session it holds plus the in-progress sign-in and sign-up. */
export type ClientResource = Client
/** A session of the client. */
export type SessionResource = Session
/** The signed-in user. */
export type UserResource = User
/** The in-progress sign-in of the client. */
export type SignInResource = SignIn
/** The in-progress sign-up of the client. */
export type SignUpResource = SignUp
/** The active organization, as the user's membership describes it. */
export type OrganizationResource = MembershipOrganization
