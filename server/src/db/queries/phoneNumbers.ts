import type { Kysely } from 'kysely'
import type { UserRow } from '../rows'
import type { Database } from '../schema'

/** True when some user holds this number verified (an unverified claim does not block anyone). */
export async function phoneTaken(db: Kysely<Database>, e164: string): Promise<boolean> {
  const row = await db.selectFrom('phone_numbers')
    .innerJoin('verifications', 'verifications.id', 'phone_numbers.verification_id')
    .select('phone_numbers.id')
    .where('phone_numbers.phone_number', '=', e164)
    .where('verifications.status', '=', 'verified')
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Drops unverified claims on a number before someone stores it: whoever verifies first owns it, so an
 * account cannot squat on a number it never proved (the unique index then only meets real owners).
 */
export async function releaseUnverifiedPhoneClaims(db: Kysely<Database>, e164: string): Promise<void> {
  await db.deleteFrom('phone_numbers')
    .where('phone_number', '=', e164)
    .where(eb => eb.not(eb.exists(eb.selectFrom('verifications')
      .select('verifications.id')
      .whereRef('verifications.id', '=', 'phone_numbers.verification_id')
      .where('verifications.status', '=', 'verified'))))
    .execute()
}

/** The user who holds this number verified, for a phone-number sign-in. */
export async function findUserByPhone(db: Kysely<Database>, e164: string): Promise<UserRow | undefined> {
  return db.selectFrom('users')
    .innerJoin('phone_numbers', 'phone_numbers.user_id', 'users.id')
    .innerJoin('verifications', 'verifications.id', 'phone_numbers.verification_id')
    .selectAll('users')
    .where('phone_numbers.phone_number', '=', e164)
    .where('verifications.status', '=', 'verified')
    .executeTakeFirst()
}
