import type { UserRow } from '../db/rows'
import type { Deps } from '../deps'
import { findUserByPhone } from '../db/queries/phoneNumbers'
import { findUserByIdentifier } from '../db/queries/users'
import { normalizeEmail } from './emails'
import { looksLikePhoneNumber, normalizePhoneNumber } from './phoneNumbers'

/** The user a sign-in identifier names (an email address, a phone number when phone sign-in is on, or a username when usernames are on). */
export async function findUserForIdentifier(deps: Deps, identifier: string): Promise<UserRow | undefined> {
  const trimmed = identifier.trim()
  if (trimmed.includes('@')) {
    let normalized: string
    try {
      normalized = normalizeEmail(trimmed, 'identifier').normalized
    }
    catch {
      return undefined
    }
    return findUserByIdentifier(deps.db.kysely, { email: normalized })
  }
  if (deps.config.phoneNumbers.enabled && deps.config.phoneNumbers.signIn && looksLikePhoneNumber(trimmed)) {
    let e164: string
    try {
      e164 = normalizePhoneNumber(trimmed, deps.config, 'identifier')
    }
    catch {
      return undefined
    }
    return findUserByPhone(deps.db.kysely, e164)
  }
  if (deps.config.signUp.username === 'off')
    return undefined
  return findUserByIdentifier(deps.db.kysely, { username: trimmed.toLowerCase() })
}
