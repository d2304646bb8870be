import type { Deps } from '../deps'
import { loadSecondFactorGraphs } from '../db/queries/secondFactorGraphs'
import { hasSecondFactor } from './secondFactorState'

/**
 * A new backup-code set when the user has none left and backup codes are on: the plaintext codes for
 * the one answer that shows them, else undefined. Called when a second factor is first set up.
 */
export async function ensureBackupCodes(deps: Deps, userId: string): Promise<string[] | undefined> {
  if (!deps.config.secondFactors.backupCodes)
    return undefined
  const graph = (await loadSecondFactorGraphs(deps.db.kysely, [userId])).get(userId)
  if (!graph || graph.backupCodesLeft > 0)
    return undefined
  const { set, store } = await deps.backupCodes.generate()
  await deps.db.kysely.transaction().execute(trx => store(trx, userId))
  return set.codes
}

/**
 * After a second factor was removed: when none is left, backup codes go (they only stand in for a second
 * factor) and the user's sessions drop their second-factor time, so `fva` reads -1 again (not enrolled).
 */
export async function afterSecondFactorRemoved(deps: Deps, userId: string): Promise<void> {
  const { db, config, tokens } = deps
  const graph = (await loadSecondFactorGraphs(db.kysely, [userId])).get(userId)
  if (!graph || hasSecondFactor(graph, config))
    return
  const sessions = await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('backup_codes').where('user_id', '=', userId).execute()
    return trx.updateTable('sessions').set({ second_factor_verified_at: null }).where('user_id', '=', userId).where('second_factor_verified_at', 'is not', null).returning('id').execute()
  })
  for (const session of sessions)
    tokens.forget(session.id)
}

/** Records that a session just proved a second factor (enrolment counts): the next token's `fva` shows it. */
export async function markSecondFactorVerified(deps: Deps, sessionId: string): Promise<void> {
  await deps.db.kysely.updateTable('sessions').set({ second_factor_verified_at: deps.clock() }).where('id', '=', sessionId).execute()
  deps.tokens.forget(sessionId)
}
