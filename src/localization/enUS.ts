import { accountErrors } from './en/accountErrors'
import { buttons } from './en/buttons'
import { common, fields } from './en/common'
import { errors } from './en/errors'
import { imageUpload, imageUploadErrors } from './en/imageUpload'
import { createOrganization } from './en/organizationCreate'
import { organizationErrors } from './en/organizationErrors'
import { organizationList } from './en/organizationList'
import { organizationProfile } from './en/organizationProfile'
import { organizationSwitcher } from './en/organizationSwitcher'
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
  createOrganization,
  organizationSwitcher,
  organizationList,
  organizationProfile,
  imageUpload,
  buttons,
  errors: { ...errors, ...accountErrors, ...organizationErrors, ...imageUploadErrors },
} as const
