import type { Session } from '../resources/Session'

/** Parameters of `setActive` (ClerkJS names). */
export interface SetActiveParams {
  /** The session to make current (object or id); `null` removes the current session. @default the current session */
  session?: Session | string | null
  /** The organization to make active: an object, an id or a slug of one of the user's, or `null` for the personal account. @default unchanged */
  organization?: { id: string } | string | null
  /** Runs after the switch is done on the server and before anyone is told, e.g. to navigate first. */
  beforeEmit?: (session: Session | null) => unknown
  /** Where to navigate once the switch is done (before listeners hear of it). */
  redirectUrl?: string
}

/** Parameters of `signOut`. */
export interface SignOutOptions {
  /** Sign out only this session (multi-session apps). @default every session */
  sessionId?: string
  /** Where to go afterwards. @default afterSignOutUrl */
  redirectUrl?: string
}
