import { buttons } from './en/buttons'
import { common, fields } from './en/common'
import { errors } from './en/errors'
import { signIn } from './en/signIn'
import { signUp } from './en/signUp'
import { userButton } from './en/userButton'
import { userProfile } from './en/userProfile'

/**
 * The English strings of every component, the default localization. Override any key through
 * `app.use(clerkPlugin, { localization: { signIn: { start: { title: 'Welcome back' } } } })`.
 */
export const enUS = {
  locale: 'en-US',
  common,
  fields,
  signIn,
  signUp,
  userButton,
  userProfile,
  buttons,
  errors,
} as const
