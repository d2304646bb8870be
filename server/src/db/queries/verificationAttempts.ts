import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Counts one attempt on an unverified verification before its code is checked, atomically, so that
 * parallel guesses cannot exceed `maxAttempts`. Answers the attempts counted so far, or `undefined`
 * when none is left (or the verification is no longer unverified).
 */
export async function countVerificationAttempt(db: Kysely<Database>, id: string, maxAttempts: number, now: number): Promise<number | undefined> {
  const counted = await db.updateTable('verifications')
    .set(eb => ({ attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', 'unverified')
    .where('attempts', '<', maxAttempts)
    .returning('attempts')
    .executeTakeFirst()
  return counted?.attempts
}

/** Ends an unverified verification whose last attempt failed (`failed`: a new code must be asked for). */
export async function failVerification(db: Kysely<Database>, id: string, now: number): Promise<void> {
  await db.updateTable('verifications').set({ status: 'failed', updated_at: now }).where('id', '=', id).where('status', '=', 'unverified').execute()
}
