import type { Environment } from '../../core'
import type { LocalizationKey } from '../../localization'

/** How the sign-in identifier field looks for the instance's identifiers. */
export interface IdentifierField {
  label: LocalizationKey
  type: 'email' | 'text'
  inputmode: 'email' | 'text'
}

/** The identifier field for what users may sign in with: an email address, a username, or either. */
export function identifierField(environment: Environment | undefined): IdentifierField {
  const attributes = environment?.userSettings.attributes
  const email = attributes?.email_address?.usedForFirstFactor ?? true
  const username = attributes?.username?.enabled === true && attributes.username.usedForFirstFactor
  if (email && username)
    return { label: 'fields.identifier', type: 'text', inputmode: 'text' }
  if (username)
    return { label: 'fields.username', type: 'text', inputmode: 'text' }
  return { label: 'fields.email_address', type: 'email', inputmode: 'email' }
}
