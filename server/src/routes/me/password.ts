import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { closeSessions } from '../../db/queries/sessions'
import { FapiError, missingParam } from '../../errors/fapiError'
import { checkPassword } from '../../services/passwordCheck'
import { booleanField, field } from '../../utils/formBody'
import { me, respondUser } from './meSupport'

/**
 * `POST /v1/me/change_password` and `/v1/me/remove_password`. Both need the current password when the
 * user has one (lockout rules apply to it, PW-7); a change may end the user's other sessions (SE-8).
 */
export function passwordRoutes(deps: Deps): Hono<AppEnv> {
  const { db, clock, passwords, tokens, config } = deps

  return new Hono<AppEnv>()
    .post('/me/change_password', async (c) => {
      const { graph, session } = await me(c, deps)
      const form = c.get('form')
      const next = field(form, 'new_password')
      if (next === undefined)
        throw missingParam('new_password')
      const normalized = passwords.validate(next, 'new_password')
      const current = field(form, 'current_password')
      if (graph.user.password_hash) {
        if (current === undefined)
          throw missingParam('current_password')
        await checkPassword(deps, graph.user, current, 'current_password')
        if (current.normalize('NFKC') === normalized)
          throw new FapiError('form_new_password_matches_current', { meta: { param_name: 'new_password' } })
      }
      const hash = await passwords.hash(normalized)
      const now = clock()
      const closed = await db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: hash, password_updated_at: now, updated_at: now }).where('id', '=', graph.user.id).execute()
        return booleanField(form, 'sign_out_of_other_sessions')
          ? closeSessions(trx, { userId: graph.user.id, exceptId: session.id }, 'revoked', now)
          : []
      })
      for (const id of closed)
        tokens.forget(id)
      return respondUser(c, deps, graph.user.id)
    })

    .post('/me/remove_password', async (c) => {
      const { graph } = await me(c, deps)
      if (config.signUp.password === 'required')
        throw new FapiError('resource_forbidden', { longMessage: 'Passwords are required on this application: change it instead of removing it.' })
      if (!graph.user.password_hash)
        throw new FapiError('resource_forbidden', { longMessage: 'There is no password to remove.' })
      const current = field(c.get('form'), 'current_password')
      if (current === undefined)
        throw missingParam('current_password')
      await checkPassword(deps, graph.user, current, 'current_password')
      const now = clock()
      await db.kysely.updateTable('users').set({ password_hash: null, password_updated_at: now, updated_at: now }).where('id', '=', graph.user.id).execute()
      return respondUser(c, deps, graph.user.id)
    })
}
