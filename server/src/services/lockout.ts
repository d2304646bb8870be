import type { PorticoConfig } from '../config'
import type { Db } from '../db/createDb'
import type { Clock } from '../utils/clock'
import { sql } from 'kysely'
import { preparedQuery } from '../db/preparedQuery'
import { FapiError } from '../errors/fapiError'

/** Account lockout after consecutive failed sign-ins (TH-1; Clerk: 10 failures, 1 hour). */
export interface Lockout {
  /** Throws `user_locked` (403) while the account is locked. */
  assertUnlocked: (user: { locked_until: number | null }) => void
  /**
   * Spends one attempt before the password is checked, atomically, so parallel guesses never get more
   * than the budget (TH-5). The attempt that reaches the limit locks the account; a success refunds
   * everything through `recordSuccess`. Throws `user_locked` when no attempt is left.
   */
  reserveAttempt: (userId: string) => Promise<void>
  /** Clears the counter (and a lock the last reserved attempt set) after a success. */
  recordSuccess: (userId: string) => Promise<void>
  /**
   * Gives back the one attempt just reserved, keeping earlier failures: a right password of a user with
   * a second factor is not yet a success, so it must not wipe the second-factor failures (TH-1).
   */
  refundAttempt: (userId: string) => Promise<void>
}

const clearFailures = preparedQuery((db, userId: string) => db.updateTable('users').set({ failed_sign_in_attempts: 0, locked_until: null }).where('id', '=', userId))

/** Lockout state kept on the `users` row, so it survives restarts and is shared between processes (TH-6). */
export function createLockout({ db, config, clock }: { db: Db, config: PorticoConfig, clock: Clock }): Lockout {
  const { maxAttempts, durationSeconds } = config.lockout

  function lockedError(lockedUntil: number): FapiError {
    const seconds = Math.max(1, Math.ceil((lockedUntil - clock()) / 1000))
    return new FapiError('user_locked', {
      longMessage: `Your account is locked. You can try again in ${Math.ceil(seconds / 60)} minutes.`,
      meta: { lockout_expires_in_seconds: seconds },
    })
  }

  return {
    assertUnlocked(user) {
      if (user.locked_until !== null && user.locked_until > clock())
        throw lockedError(user.locked_until)
    },
    async reserveAttempt(userId) {
      const now = clock()
      // a lock that has run out starts a fresh count
      const next = sql<number>`(case when locked_until is not null and locked_until <= ${now} then 1 else failed_sign_in_attempts + 1 end)`
      const reserved = await db.kysely.updateTable('users')
        .set({
          failed_sign_in_attempts: next,
          locked_until: sql<number | null>`case when ${next} >= ${maxAttempts} then cast(${now + durationSeconds * 1000} as bigint) else null end`,
        })
        .where('id', '=', userId)
        .where(eb => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .returning('failed_sign_in_attempts')
        .executeTakeFirst()
      if (!reserved) {
        const user = await db.kysely.selectFrom('users').select('locked_until').where('id', '=', userId).executeTakeFirst()
        throw lockedError(user?.locked_until ?? now)
      }
    },
    async recordSuccess(userId) {
      await clearFailures(db.kysely, userId)
    },
    async refundAttempt(userId) {
      // below the limit again, so a lock that this very attempt set is lifted too
      await db.kysely.updateTable('users')
        .set({
          failed_sign_in_attempts: sql<number>`(case when failed_sign_in_attempts > 0 then failed_sign_in_attempts - 1 else 0 end)`,
          locked_until: sql<number | null>`(case when failed_sign_in_attempts - 1 >= ${maxAttempts} then locked_until else null end)`,
        })
        .where('id', '=', userId)
        .execute()
    },
  }
}
