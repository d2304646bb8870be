import type { AppEnv } from '../../appEnv'
import type { UserRow } from '../../db/rows'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { isUniqueViolation } from '../../db/isUniqueViolation'
import { isVerified } from '../../db/queries/userGraphs'
import { usernameTaken } from '../../db/queries/users'
import { FapiError, missingParam } from '../../errors/fapiError'
import { wrapped } from '../../http/respond'
import { parseMetadata } from '../../serialize/metadata'
import { mergePatch, parseMetadataParam } from '../../services/metadataParam'
import { parseName } from '../../services/nameParam'
import { normalizeUsername } from '../../services/usernames'
import { field } from '../../utils/formBody'
import { me, respondUser } from './meSupport'

type UserChanges = Partial<Pick<UserRow, 'first_name' | 'last_name' | 'username' | 'username_normalized' | 'primary_email_address_id' | 'unsafe_metadata'>>

/**
 * `GET|PATCH|DELETE /v1/me` and `PATCH /v1/me/metadata`. PATCH changes names, username and the primary
 * email (which must be one of the user's verified addresses); metadata takes an RFC 7396 merge patch of
 * `unsafe_metadata`. Public and private metadata are never writable from here (AZ-4).
 */
export function profileRoutes(deps: Deps): Hono<AppEnv> {
  const { db, config, clock, tokens } = deps

  return new Hono<AppEnv>()
    .get('/me', async (c) => {
      const { graph } = await me(c, deps)
      return respondUser(c, deps, graph.user.id)
    })

    .patch('/me', async (c) => {
      const { graph } = await me(c, deps)
      const form = c.get('form')
      const changes: UserChanges = {}
      for (const [param, setting] of [['first_name', config.signUp.firstName], ['last_name', config.signUp.lastName]] as const) {
        const value = field(form, param)
        if (value === undefined || setting === 'off')
          continue
        const name = parseName(value, param)
        if (name === null && setting === 'required')
          throw new FapiError('form_param_nil', { meta: { param_name: param } })
        changes[param] = name
      }
      const username = field(form, 'username')
      if (username !== undefined && config.signUp.username !== 'off') {
        const trimmed = username.trim()
        if (!trimmed) {
          if (config.signUp.username === 'required')
            throw new FapiError('form_param_nil', { meta: { param_name: 'username' } })
          changes.username = null
          changes.username_normalized = null
        }
        else {
          const normalized = normalizeUsername(trimmed)
          if (await usernameTaken(db.kysely, normalized, graph.user.id))
            throw new FapiError('form_identifier_exists', { longMessage: 'That username is taken. Please try another.', meta: { param_name: 'username' } })
          changes.username = trimmed
          changes.username_normalized = normalized
        }
      }
      const primary = field(form, 'primary_email_address_id')
      if (primary !== undefined) {
        if (!graph.emails.some(email => email.row.id === primary && isVerified(email)))
          throw new FapiError('form_param_value_invalid', { longMessage: 'The primary email address must be one of your verified addresses.', meta: { param_name: 'primary_email_address_id' } })
        changes.primary_email_address_id = primary
      }
      const metadata = field(form, 'unsafe_metadata')
      if (metadata !== undefined && metadata !== '')
        changes.unsafe_metadata = JSON.stringify(parseMetadataParam(metadata, 'unsafe_metadata'))
      try {
        await db.kysely.updateTable('users').set({ ...changes, updated_at: clock() }).where('id', '=', graph.user.id).execute()
      }
      catch (error) {
        if (isUniqueViolation(error))
          throw new FapiError('form_identifier_exists', { longMessage: 'That username is taken. Please try another.', meta: { param_name: 'username' } })
        throw error
      }
      return respondUser(c, deps, graph.user.id)
    })

    .patch('/me/metadata', async (c) => {
      const { graph } = await me(c, deps)
      const patchText = field(c.get('form'), 'unsafe_metadata')
      if (patchText === undefined || patchText === '')
        throw missingParam('unsafe_metadata')
      const patch = parseMetadataParam(patchText, 'unsafe_metadata')
      await db.kysely.transaction().execute(async (trx) => {
        // read and write in one transaction so concurrent patches do not lose each other's keys
        const current = await trx.selectFrom('users').select('unsafe_metadata').where('id', '=', graph.user.id).executeTakeFirstOrThrow()
        const merged = JSON.stringify(mergePatch(parseMetadata(current.unsafe_metadata), patch))
        if (Buffer.byteLength(merged, 'utf8') > 8 * 1024)
          throw new FapiError('form_param_max_length_exceeded', { meta: { param_name: 'unsafe_metadata' } })
        await trx.updateTable('users').set({ unsafe_metadata: merged, updated_at: clock() }).where('id', '=', graph.user.id).execute()
      })
      return respondUser(c, deps, graph.user.id)
    })

    .delete('/me', async (c) => {
      const { graph } = await me(c, deps)
      if (!config.allowDeleteSelf)
        throw new FapiError('user_delete_self_not_enabled')
      const sessions = await db.kysely.selectFrom('sessions').select('id').where('user_id', '=', graph.user.id).execute()
      // sessions, email addresses and sign-ins go with the user (ON DELETE CASCADE)
      await db.kysely.deleteFrom('users').where('id', '=', graph.user.id).execute()
      for (const session of sessions)
        tokens.forget(session.id)
      return wrapped(c, deps, { object: 'user', id: graph.user.id, deleted: true })
    })
}
