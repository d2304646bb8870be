import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { closeSessions } from '../../db/queries/sessions'
import { loadUserGraph } from '../../db/queries/userGraphs'
import { notFound } from '../../errors/fapiError'
import { wrapped } from '../../http/respond'
import { serializeSession } from '../../serialize/session'
import { serializeSessionWithActivities } from '../../serialize/sessionWithActivities'
import { me } from './meSupport'

/**
 * `GET /v1/me/sessions/active` (a bare array: every signed-in session of the user, on any device, with
 * browser, device and IP) and `POST /v1/me/sessions/:id/revoke` (only the user's own sessions, AZ-3).
 */
export function activeSessionRoutes(deps: Deps): Hono<AppEnv> {
  const { db, clock, config, tokens } = deps

  return new Hono<AppEnv>()
    .get('/me/sessions/active', async (c) => {
      const { graph } = await me(c, deps)
      const now = clock()
      const rows = await db.kysely.selectFrom('sessions').selectAll().where('user_id', '=', graph.user.id).where('status', '=', 'active').where('expire_at', '>', now).where('abandon_at', '>', now).orderBy('last_active_at', 'desc').execute()
      return c.json(rows.map(row => serializeSessionWithActivities(row, graph, config, now)))
    })

    .post('/me/sessions/:id/revoke', async (c) => {
      const { graph } = await me(c, deps)
      const target = await db.kysely.selectFrom('sessions').selectAll().where('id', '=', c.req.param('id')).where('user_id', '=', graph.user.id).executeTakeFirst()
      if (!target)
        throw notFound()
      const now = clock()
      await closeSessions(db.kysely, { ids: [target.id] }, 'revoked', now)
      tokens.forget(target.id)
      const row = await db.kysely.selectFrom('sessions').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow()
      const fresh = (await loadUserGraph(db.kysely, graph.user.id))!
      return wrapped(c, deps, serializeSession(row, fresh, null, config, now))
    })
}
