import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import type { AppEnv } from '../../appEnv'
import type { SecondFactorGraph } from '../../db/queries/secondFactorGraphs'
import type { ClientRow, SignInRow } from '../../db/rows'
import type { Database } from '../../db/schema'
import type { Deps } from '../../deps'
import { loadSecondFactorGraphs } from '../../db/queries/secondFactorGraphs'
import { hasSecondFactor } from '../../services/secondFactorState'
import { completeSignIn } from './signInSupport'

/**
 * What follows a first factor, inside the caller's transaction: a user with a second factor gets
 * `needs_second_factor` (no session, no token, no cookie rotation yet: MF-4), everyone else a session.
 * A password reset goes through here too, so it never skips the second factor (MF-7). Returns true
 * when a session was created. `known.secondFactors` are the user's factors when the caller has just read
 * them (`checkPassword`); `known.clientChanges` are written with the client's update on completion.
 */
export async function passFirstFactor(trx: Kysely<Database>, c: Context<AppEnv>, deps: Deps, signIn: Pick<SignInRow, 'id' | 'client_id'>, userId: string, strategy: string, known: { secondFactors?: SecondFactorGraph, clientChanges?: Partial<ClientRow> } = {}): Promise<boolean> {
  const factors = 'secondFactors' in known ? known.secondFactors : (await loadSecondFactorGraphs(trx, [userId])).get(userId)
  if (!factors || !hasSecondFactor(factors, deps.config)) {
    await completeSignIn(trx, c, deps, signIn, userId, strategy, undefined, known.clientChanges)
    return true
  }
  const now = deps.clock()
  await trx.updateTable('sign_ins').set({
    status: 'needs_second_factor',
    first_factor_strategy: strategy,
    first_factor_verified_at: now,
    // a fresh challenge: attempts, codes and its 10 minutes start now
    second_factor_verification_id: null,
    updated_at: now,
  }).where('id', '=', signIn.id).execute()
  return false
}
