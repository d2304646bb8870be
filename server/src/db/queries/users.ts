import type { Kysely } from 'kysely'
import type { UserRow } from '../rows'
import type { Database } from '../schema'
import { preparedQuery } from '../preparedQuery'

/** True when some user holds this email address verified (an unverified claim does not block anyone). */
export async function emailTaken(db: Kysely<Database>, normalized: string, exceptUserId?: string): Promise<boolean> {
  let query = db.selectFrom('email_addresses')
    .innerJoin('verifications', 'verifications.id', 'email_addresses.verification_id')
    .select('email_addresses.id')
    .where('email_addresses.email_normalized', '=', normalized)
    .where('verifications.status', '=', 'verified')
  if (exceptUserId)
    query = query.where('email_addresses.user_id', '!=', exceptUserId)
  return (await query.executeTakeFirst()) !== undefined
}

/**
 * Drops unverified claims on an address before someone stores it: whoever verifies first owns it, so an
 * account cannot squat on an address it never proved (the unique index then only meets real owners).
 */
export async function releaseUnverifiedClaims(db: Kysely<Database>, normalized: string): Promise<void> {
  await db.deleteFrom('email_addresses')
    .where('email_normalized', '=', normalized)
    .where(eb => eb.not(eb.exists(eb.selectFrom('verifications')
      .select('verifications.id')
      .whereRef('verifications.id', '=', 'email_addresses.verification_id')
      .where('verifications.status', '=', 'verified'))))
    .execute()
}

/** True when some user already holds this username (case-insensitively). */
export async function usernameTaken(db: Kysely<Database>, normalized: string, exceptUserId?: string): Promise<boolean> {
  let query = db.selectFrom('users').select('id').where('username_normalized', '=', normalized)
  if (exceptUserId)
    query = query.where('id', '!=', exceptUserId)
  return (await query.executeTakeFirst()) !== undefined
}

const userByVerifiedEmail = preparedQuery((db, email: string) => db.selectFrom('users')
  .innerJoin('email_addresses', 'email_addresses.user_id', 'users.id')
  .innerJoin('verifications', 'verifications.id', 'email_addresses.verification_id')
  .selectAll('users')
  .where('email_addresses.email_normalized', '=', email)
  .where('verifications.status', '=', 'verified'))

/**
 * The user a sign-in identifier names: a verified email address, or a username. Unverified addresses
 * do not sign anyone in.
 */
export async function findUserByIdentifier(db: Kysely<Database>, identifier: { email?: string, username?: string }): Promise<UserRow | undefined> {
  if (identifier.email)
    return (await userByVerifiedEmail(db, identifier.email))[0]
  if (identifier.username)
    return db.selectFrom('users').selectAll().where('username_normalized', '=', identifier.username).executeTakeFirst()
  return undefined
}

/** A user by id. */
export async function findUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}
