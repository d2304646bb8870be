import type { AppEnv } from '../appEnv'
import type { Deps } from '../deps'
import { Hono } from 'hono'
import { emptySecondFactorGraph } from '../db/queries/secondFactorGraphs'
import { FapiError } from '../errors/fapiError'
import { wrapped } from '../http/respond'
import { serializeBackupCodes } from '../serialize/backupCodes'
import { hasSecondFactor } from '../services/secondFactorState'
import { me } from './me/meSupport'

/**
 * `POST /v1/me/backup_codes/` (fapi.md 2.5, MF-5): a new set of 10 single-use codes replaces the old
 * one. The answer is the only place the codes ever appear; the database keeps argon2id hashes.
 */
export function meBackupCodeRoutes(deps: Deps): Hono<AppEnv> {
  const { db, config, backupCodes } = deps

  return new Hono<AppEnv>()
    .post('/me/backup_codes', async (c) => {
      if (!config.secondFactors.backupCodes)
        throw new FapiError('resource_forbidden', { longMessage: 'Backup codes are not enabled on this application.' })
      const { graph } = await me(c, deps)
      // backup codes stand in for a second factor: without one they would unlock nothing
      if (!hasSecondFactor(graph.secondFactors ?? emptySecondFactorGraph(), config))
        throw new FapiError('resource_forbidden', { longMessage: 'Set up an authenticator app or an SMS second factor before creating backup codes.' })
      const { set, store } = await backupCodes.generate()
      await db.kysely.transaction().execute(trx => store(trx, graph.user.id))
      return wrapped(c, deps, serializeBackupCodes(set))
    })
}
