import type { UserRow } from '../db/rows'
import type { Deps } from '../deps'
import { findUserByIdentifier } from '../db/queries/users'
import { normalizeEmail } from './emails'

/** The user a sign-in identifier names (an email address, or a username when usernames are on). */
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
  if (deps.config.signUp.username === 'off')
    return undefined
  return findUserByIdentifier(deps.db.kysely, { username: trimmed.toLowerCase() })
}
