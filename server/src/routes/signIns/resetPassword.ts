import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { loadSecondFactorGraphs } from '../../db/queries/secondFactorGraphs'
import { closeSessions } from '../../db/queries/sessions'
import { FapiError, missingParam } from '../../errors/fapiError'
import { hasSecondFactor } from '../../services/secondFactorState'
import { booleanField, field } from '../../utils/formBody'
import { passFirstFactor } from './passFirstFactor'
import { afterSessionCreated, findOwnSignIn, respondSignIn } from './signInSupport'

/**
 * `…/reset_password` after a `reset_password_email_code` first factor: sets the new password (rules
 * apply), clears any lockout, optionally ends every other session of the user (`sign_out_of_other_sessions`),
 * and completes the sign-in, all in one transaction that first claims the sign-in (security.md #30). A user with a second factor still has to give it
 * (MF-7); the reset then lifts the lock but keeps the failure count, so a wrong code locks again at once.
 */
export async function resetPassword(c: Context<AppEnv>, deps: Deps): Promise<Response> {
  const signIn = await findOwnSignIn(c, deps)
  if (signIn.status !== 'needs_new_password' || !signIn.user_id)
    throw new FapiError('client_state_invalid', { longMessage: 'Verify a reset code before choosing a new password.' })
  const form = c.get('form')
  const password = field(form, 'password')
  if (password === undefined)
    throw missingParam('password')
  const hash = await deps.passwords.hash(deps.passwords.validate(password))
  const userId = signIn.user_id
  const now = deps.clock()
  const factors = (await loadSecondFactorGraphs(deps.db.kysely, [userId])).get(userId)
  const twoFactor = factors !== undefined && hasSecondFactor(factors, deps.config)
  const reset = await deps.db.kysely.selectFrom('verifications').select('strategy').where('id', '=', signIn.first_factor_verification_id ?? '').executeTakeFirst()
  const { closed, created } = await deps.db.kysely.transaction().execute(async (trx) => {
    // claim the reset inside the transaction: of parallel requests only one sets a password and gets a session
    const claimed = await trx.updateTable('sign_ins').set({ updated_at: now }).where('id', '=', signIn.id).where('status', '=', 'needs_new_password').executeTakeFirst()
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new FapiError('client_state_invalid', { longMessage: 'Verify a reset code before choosing a new password.' })
    await trx.updateTable('users').set({
      password_hash: hash,
      password_updated_at: now,
      ...(twoFactor ? {} : { failed_sign_in_attempts: 0 }),
      locked_until: null,
      updated_at: now,
    }).where('id', '=', userId).execute()
    const ended = booleanField(form, 'sign_out_of_other_sessions')
      ? await closeSessions(trx, { userId }, 'revoked', now)
      : []
    return { closed: ended, created: await passFirstFactor(trx, c, deps, signIn, userId, reset?.strategy ?? 'reset_password_email_code') }
  })
  for (const id of closed)
    deps.tokens.forget(id)
  if (created)
    await afterSessionCreated(c, deps)
  return respondSignIn(c, deps, signIn.id)
}
