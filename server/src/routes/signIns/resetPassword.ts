import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { closeSessions } from '../../db/queries/sessions'
import { FapiError, missingParam } from '../../errors/fapiError'
import { booleanField, field } from '../../utils/formBody'
import { afterSessionCreated, completeSignIn, findOwnSignIn, respondSignIn } from './signInSupport'

/**
 * `…/reset_password` after a `reset_password_email_code` first factor: sets the new password (rules
 * apply), clears any lockout, optionally ends every other session of the user (`sign_out_of_other_sessions`),
 * and completes the sign-in, all in one transaction.
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
  const closed = await deps.db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({
      password_hash: hash,
      password_updated_at: now,
      failed_sign_in_attempts: 0,
      locked_until: null,
      updated_at: now,
    }).where('id', '=', userId).execute()
    const ended = booleanField(form, 'sign_out_of_other_sessions')
      ? await closeSessions(trx, { userId }, 'revoked', now)
      : []
    await completeSignIn(trx, c, deps, signIn, userId, 'reset_password_email_code')
    return ended
  })
  for (const id of closed)
    deps.tokens.forget(id)
  await afterSessionCreated(c, deps)
  return respondSignIn(c, deps, signIn.id)
}
