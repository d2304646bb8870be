import type { AppEnv } from '../appEnv'
import type { Deps } from '../deps'
import { Hono } from 'hono'
import { FapiError, missingParam, notFound } from '../errors/fapiError'
import { wrapped } from '../http/respond'
import { serializeTotp } from '../serialize/totp'
import { primaryEmail } from '../serialize/user'
import { afterSecondFactorRemoved, ensureBackupCodes, markSecondFactorVerified } from '../services/secondFactorChanges'
import { generateTotpSecret, matchTotpStep, totpSecretBase32, totpUri } from '../services/totp'
import { field } from '../utils/formBody'
import { newId } from '../utils/newId'
import { me } from './me/meSupport'

/**
 * `/v1/me/totp` (fapi.md 2.5, MF-1, MF-2): `POST` starts an enrolment (a new 160-bit key, sealed at
 * rest; the only answer holding the secret and its `otpauth://` URI), `attempt_verification` proves
 * it with a first code (and hands out backup codes when the user has none), `DELETE` removes it.
 */
export function meTotpRoutes(deps: Deps): Hono<AppEnv> {
  const { db, clock, config, secretBox } = deps

  function assertEnabled(): void {
    if (!config.secondFactors.totp)
      throw new FapiError('resource_forbidden', { longMessage: 'Authenticator apps are not enabled on this application.' })
  }

  return new Hono<AppEnv>()
    .post('/me/totp', async (c) => {
      assertEnabled()
      const { graph } = await me(c, deps)
      const existing = await db.kysely.selectFrom('totps').selectAll().where('user_id', '=', graph.user.id).executeTakeFirst()
      if (existing?.verified_at != null)
        throw new FapiError('resource_forbidden', { longMessage: 'An authenticator app is already set up: remove it before adding another one.' })
      const secret = generateTotpSecret()
      const id = newId('totp')
      const now = clock()
      const row = { id, user_id: graph.user.id, secret_sealed: await secretBox.seal(secret, id), verified_at: null, last_used_step: null, attempts: 0, created_at: now, updated_at: now }
      await db.kysely.transaction().execute(async (trx) => {
        // a new enrolment replaces one that was never verified
        await trx.deleteFrom('totps').where('user_id', '=', graph.user.id).where('verified_at', 'is', null).execute()
        await trx.insertInto('totps').values(row).execute()
      })
      const label = primaryEmail(graph) ?? graph.user.username ?? graph.user.id
      const uri = totpUri(secret, config.secondFactors.issuer ?? config.applicationName, label)
      return wrapped(c, deps, serializeTotp(row, { secret: totpSecretBase32(secret), uri }))
    })

    .post('/me/totp/attempt_verification', async (c) => {
      assertEnabled()
      const { graph, session } = await me(c, deps)
      const code = field(c.get('form'), 'code')
      if (!code)
        throw missingParam('code')
      const row = await db.kysely.selectFrom('totps').selectAll().where('user_id', '=', graph.user.id).executeTakeFirst()
      if (!row)
        throw new FapiError('verification_not_sent', { longMessage: 'Start setting up an authenticator app before verifying a code.' })
      if (row.verified_at !== null)
        throw new FapiError('verification_already_verified')
      const now = clock()
      // count the attempt first, atomically, so parallel guesses cannot exceed the cap
      const counted = await db.kysely.updateTable('totps')
        .set(eb => ({ attempts: eb('attempts', '+', 1), updated_at: now }))
        .where('id', '=', row.id)
        .where('verified_at', 'is', null)
        .where('attempts', '<', config.secondFactors.maxAttempts)
        .returning('attempts')
        .executeTakeFirst()
      if (!counted)
        throw new FapiError('verification_failed', { longMessage: 'Too many incorrect codes: start setting up the authenticator app again.' })
      const step = matchTotpStep(await secretBox.open(row.secret_sealed, row.id), code, now)
      const verified = step !== null && Number((await db.kysely.updateTable('totps')
        .set({ verified_at: now, last_used_step: step, attempts: 0, updated_at: now })
        .where('id', '=', row.id)
        .where('verified_at', 'is', null)
        .executeTakeFirst()).numUpdatedRows) === 1
      if (!verified) {
        if (counted.attempts >= config.secondFactors.maxAttempts)
          throw new FapiError('verification_failed', { longMessage: 'Too many incorrect codes: start setting up the authenticator app again.' })
        throw new FapiError('form_code_incorrect', { meta: { param_name: 'code' } })
      }
      // proving the new factor counts as verifying it in this session (fva)
      await markSecondFactorVerified(deps, session.id)
      const backupCodes = await ensureBackupCodes(deps, graph.user.id)
      const fresh = await db.kysely.selectFrom('totps').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()
      return wrapped(c, deps, serializeTotp(fresh, backupCodes ? { backupCodes } : {}))
    })

    .delete('/me/totp', async (c) => {
      const { graph } = await me(c, deps)
      const row = await db.kysely.selectFrom('totps').select('id').where('user_id', '=', graph.user.id).executeTakeFirst()
      if (!row)
        throw notFound()
      await db.kysely.deleteFrom('totps').where('id', '=', row.id).execute()
      await afterSecondFactorRemoved(deps, graph.user.id)
      return wrapped(c, deps, { object: 'totp', id: row.id, deleted: true })
    })
}
