import type { SecondFactorGraph } from '../db/queries/secondFactorGraphs'
import type { UserRow } from '../db/rows'
import type { Deps } from '../deps'
import { loadSecondFactorGraphs } from '../db/queries/secondFactorGraphs'
import { FapiError } from '../errors/fapiError'
import { hasSecondFactor } from './secondFactorState'

/**
 * Checks a user's password under the lockout rules: refuses a locked account before hashing, spends one
 * attempt atomically once a hashing slot is granted (a `503` from a full queue spends none), verifies (one
 * argon2id hash), refunds on success and upgrades a weaker stored hash.
 * A wrong password is `form_password_incorrect` under `paramName`; the attempt that reaches the limit
 * locks the account and the next one is `user_locked`. For a user with a second factor the right password
 * only gives its attempt back: the count clears once the second factor passes too. Returns the user's
 * second factors as read for that decision, so the caller need not read them again.
 */
export async function checkPassword(deps: Deps, user: UserRow, password: string, paramName = 'password'): Promise<SecondFactorGraph | undefined> {
  const { lockout, passwords, db } = deps
  if (!user.password_hash)
    throw new FapiError('strategy_for_user_invalid', { meta: { param_name: 'strategy' } })
  lockout.assertUnlocked(user)
  // the attempt is reserved inside the hashing slot: a request the busy server refuses (503) spends none
  if (!await passwords.verify(user.password_hash, password, { beforeHash: () => lockout.reserveAttempt(user.id) }))
    throw new FapiError('form_password_incorrect', { meta: { param_name: paramName } })
  const factors = (await loadSecondFactorGraphs(db.kysely, [user.id])).get(user.id)
  if (factors && hasSecondFactor(factors, deps.config))
    await lockout.refundAttempt(user.id)
  else
    await lockout.recordSuccess(user.id)
  if (passwords.needsRehash(user.password_hash)) {
    // opportunistic: when the hashing queue is full the upgrade waits for a later sign-in
    const upgraded = await passwords.hash(password.normalize('NFKC')).catch((error: unknown) => {
      if (error instanceof FapiError && error.status === 503)
        return undefined
      throw error
    })
    if (upgraded)
      await db.kysely.updateTable('users').set({ password_hash: upgraded }).where('id', '=', user.id).where('password_hash', '=', user.password_hash).execute()
  }
  return factors
}
