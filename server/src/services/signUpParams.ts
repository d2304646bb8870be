import type { SignUpRow } from '../db/rows'
import type { Deps } from '../deps'
import type { FormBody } from '../utils/formBody'
import { emailTaken, usernameTaken } from '../db/queries/users'
import { FapiError } from '../errors/fapiError'
import { booleanField, field, textField } from '../utils/formBody'
import { normalizeEmail } from './emails'
import { parseMetadataParam } from './metadataParam'
import { parseName } from './nameParam'
import { readSignUpPhone } from './signUpPhone'
import { normalizeUsername } from './usernames'

// strategies of sign-ups this server cannot run (OAuth, SSO, web3); `ticket` is read by signUpTicket.ts
const UNSUPPORTED_STRATEGY = /^(?:oauth_|web3_|enterprise_sso|saml|google_one_tap)/

/** The sign-up columns a create or update may change. */
export type SignUpChanges = Partial<Pick<SignUpRow, 'email_address' | 'email_normalized' | 'email_verification_id' | 'phone_number' | 'phone_verification_id' | 'password_hash' | 'first_name' | 'last_name' | 'username' | 'unsafe_metadata' | 'legal_accepted_at' | 'locale'>>

/**
 * Reads the sign-up fields of a create/update body (fapi.md 2.3), validating each one: email format and
 * availability, password rules (then one argon2id hash), names, username rules and availability, metadata.
 * Unknown fields are ignored; fields the configuration turns off are ignored too.
 */
export async function readSignUpParams(deps: Deps, form: FormBody, current: SignUpRow | null): Promise<SignUpChanges> {
  const { config, db, passwords, clock } = deps
  const changes: SignUpChanges = {}
  const strategy = textField(form, 'strategy')
  if (strategy && UNSUPPORTED_STRATEGY.test(strategy))
    throw new FapiError('form_param_value_invalid', { meta: { param_name: 'strategy' } })

  // `email_address_or_phone_number` is a phone number when it has no @ and phone numbers are on
  const either = field(form, 'email_address_or_phone_number')
  const eitherIsPhone = either !== undefined && !either.includes('@') && config.phoneNumbers.enabled
  const email = field(form, 'email_address') ?? (eitherIsPhone ? undefined : either)
  if (email !== undefined) {
    const { address, normalized } = normalizeEmail(email, 'email_address')
    if (await emailTaken(db.kysely, normalized))
      throw new FapiError('form_identifier_exists', { longMessage: 'That email address is taken. Please try another.', meta: { param_name: 'email_address' } })
    if (normalized !== current?.email_normalized) {
      changes.email_address = address
      changes.email_normalized = normalized
      // a new address needs its own verification
      changes.email_verification_id = null
    }
  }
  if (config.signUp.username !== 'off') {
    const username = field(form, 'username')
    if (username !== undefined) {
      const trimmed = username.trim()
      const normalized = normalizeUsername(trimmed)
      if (await usernameTaken(db.kysely, normalized))
        throw new FapiError('form_identifier_exists', { longMessage: 'That username is taken. Please try another.', meta: { param_name: 'username' } })
      changes.username = trimmed
    }
  }
  for (const [param, column, setting] of [['first_name', 'first_name', config.signUp.firstName], ['last_name', 'last_name', config.signUp.lastName]] as const) {
    const value = field(form, param)
    if (value !== undefined && setting !== 'off')
      changes[column] = parseName(value, param)
  }
  Object.assign(changes, await readSignUpPhone(deps, field(form, 'phone_number') ?? (eitherIsPhone ? either : undefined), current))
  const metadata = field(form, 'unsafe_metadata')
  if (metadata !== undefined && metadata !== '')
    changes.unsafe_metadata = JSON.stringify(parseMetadataParam(metadata, 'unsafe_metadata'))
  if (booleanField(form, 'legal_accepted'))
    changes.legal_accepted_at = clock()
  const locale = textField(form, 'locale')
  if (locale && locale.length <= 35)
    changes.locale = locale
  // last: the one expensive step runs only once everything else is valid
  const password = field(form, 'password')
  if (password !== undefined && config.signUp.password !== 'off')
    changes.password_hash = await passwords.hash(passwords.validate(password))
  return changes
}
