import type { Appearance } from '../appearance'

/** Props of `<UserProfile>`. */
export interface UserProfileProps {
  /** Where to go after the user deleted their account. @default the Clerk object's after-sign-out URL */
  afterDeleteUrl?: string
  /** Theme of this component, layered over the plugin's `appearance`. */
  appearance?: Appearance
}
