import type { Appearance } from '../appearance'

/** Props of `<UserButton>` (Clerk's names). */
export interface UserButtonProps {
  /** Show the user's name next to the avatar. @default false */
  showName?: boolean
  /** Open the menu when the button first renders. @default false */
  defaultOpen?: boolean
  /** Where "Manage account" leads. @default the environment's user profile URL, else '/user' */
  userProfileUrl?: string
  /** Where "Add account" leads (multi-session apps). @default the Clerk object's sign-in URL, coming back here */
  signInUrl?: string
  /** Where to go after signing out (of every account). @default the Clerk object's after-sign-out URL */
  afterSignOutUrl?: string
  /** Where to go after signing out of one account while others stay signed in. @default stay on the page */
  afterMultiSessionSingleSignOutUrl?: string
  /** Where to go after switching to another account. @default stay on the page */
  afterSwitchSessionUrl?: string
  /** Theme of this component, layered over the plugin's `appearance`. */
  appearance?: Appearance
}
