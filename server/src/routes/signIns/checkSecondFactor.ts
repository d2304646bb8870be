import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import type { AppEnv } from '../../appEnv'
import type { VerificationRow } from '../../db/rows'
import type { Database } from '../../db/schema'
import type { Deps } from '../../deps'
import type { Challenge } from './secondFactor'
import { countVerificationAttempt, failVerification } from '../../db/queries/verificationAttempts'
import { FapiError } from '../../errors/fapiError'
import { codeHash } from '../../services/codes'
import { matchTotpStep } from '../../services/totp'
import { digestsEqual } from '../../utils/sha256'
import { completeSignIn } from './signInSupport'

/** Thrown inside the completion transaction to roll it back: a parallel request used the proof first. */
class ProofAlreadyUsed extends Error {}

/** Spends the proof inside the completion transaction; false when it was already spent (a replay). */
type Claim = (trx: Kysely<Database>) => Promise<boolean>

/**
 * Counts the attempt, then finds what proves `code`. `countAttempt` runs before any check: for a backup
 * code inside its hashing slot, so that a request the hashing gate refuses (503) has counted nothing.
 */
async function findClaim(deps: Deps, challenge: Challenge, verification: VerificationRow, strategy: string, code: string, now: number, countAttempt: () => Promise<void>): Promise<Claim | null> {
  const { db, secretBox, backupCodes } = deps
  const userId = challenge.user.id
  if (strategy === 'backup_code') {
    const codeId = await backupCodes.match(userId, code, countAttempt)
    return codeId ? trx => backupCodes.spend(trx, codeId) : null
  }
  await countAttempt()
  if (strategy === 'totp') {
    const totp = await db.kysely.selectFrom('totps').selectAll().where('user_id', '=', userId).where('verified_at', 'is not', null).executeTakeFirst()
    const step = totp ? matchTotpStep(await secretBox.open(totp.secret_sealed, totp.id), code, now) : null
    if (!totp || step === null)
      return null
    // MF-1: a step at or before the last accepted one is a replay, whichever sign-in presents it
    return async trx => Number((await trx.updateTable('totps')
      .set({ last_used_step: step, updated_at: now })
      .where('id', '=', totp.id)
      .where(eb => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
      .executeTakeFirst()).numUpdatedRows) === 1
  }
  if (strategy === 'phone_code') {
    const candidate = code.trim()
    const valid = verification.code_hash !== null && verification.expire_at !== null && verification.expire_at > now
      && /^\d{6}$/.test(candidate) && digestsEqual(verification.code_hash, codeHash(verification.id, candidate))
    // the code is spent when the verification turns verified, in the same transaction
    return valid ? async () => true : null
  }
  return null
}

/**
 * Checks one second-factor code and, when it is right, completes the sign-in in one transaction: the
 * proof is spent (TOTP step, SMS code or backup code), the challenge verified, the session created with
 * both factor times (`fva`). Parallel attempts with one right code create exactly one session. A wrong
 * code counts against the challenge (MF-3) and the account lockout (TH-1).
 */
export async function checkSecondFactor(c: Context<AppEnv>, deps: Deps, challenge: Challenge, verification: VerificationRow, strategy: string, code: string): Promise<void> {
  const { db, config, clock, lockout, logger } = deps
  const { signIn, user } = challenge
  const maxAttempts = config.secondFactors.maxAttempts
  const now = clock()
  const failed = () => new FapiError('verification_failed', { longMessage: 'Too many incorrect codes: sign in again.' })

  // the attempt counts before the code is checked, atomically, so parallel guesses cannot exceed the cap
  let attempts = 0
  const countAttempt = async (): Promise<void> => {
    const counted = await countVerificationAttempt(db.kysely, verification.id, maxAttempts, now)
    if (counted === undefined) {
      const current = await db.kysely.selectFrom('verifications').select('status').where('id', '=', verification.id).executeTakeFirst()
      if (current?.status === 'verified')
        throw new FapiError('client_state_invalid', { longMessage: 'This sign-in is already complete.' })
      throw failed()
    }
    lockout.assertUnlocked(user)
    await lockout.reserveAttempt(user.id)
    attempts = counted
  }

  const claim = await findClaim(deps, challenge, verification, strategy, code, now, countAttempt)
  let completed = false
  if (claim) {
    try {
      await db.kysely.transaction().execute(async (trx) => {
        if (!await claim(trx))
          throw new ProofAlreadyUsed()
        const proved = await trx.updateTable('verifications')
          .set({ status: 'verified', strategy, verified_at: now, code_hash: null, updated_at: now })
          .where('id', '=', verification.id)
          .where('status', '=', 'unverified')
          .executeTakeFirst()
        const advanced = await trx.updateTable('sign_ins').set({ status: 'complete', updated_at: now }).where('id', '=', signIn.id).where('status', '=', 'needs_second_factor').executeTakeFirst()
        if (Number(proved.numUpdatedRows) !== 1 || Number(advanced.numUpdatedRows) !== 1)
          throw new ProofAlreadyUsed()
        await completeSignIn(trx, c, deps, signIn, user.id, signIn.first_factor_strategy ?? strategy, { firstFactor: signIn.first_factor_verified_at!, secondFactor: now })
      })
      completed = true
    }
    catch (error) {
      if (!(error instanceof ProofAlreadyUsed))
        throw error
      if (strategy === 'totp')
        logger.warn(`[portico-server] a TOTP code was presented again for ${user.id} (replay refused)`)
    }
  }
  if (completed) {
    await lockout.recordSuccess(user.id)
    return
  }
  if (attempts >= maxAttempts) {
    await failVerification(db.kysely, verification.id, now)
    throw failed()
  }
  throw new FapiError('form_code_incorrect', { meta: { param_name: 'code' } })
}
