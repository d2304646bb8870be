import type { Context } from 'hono'
import type { AppEnv } from '../appEnv'
import type { SessionRow } from '../db/rows'
import type { Deps } from '../deps'
import { Hono } from 'hono'
import { closeSessions } from '../db/queries/sessions'
import { loadUserGraph } from '../db/queries/userGraphs'
import { FapiError, notFound } from '../errors/fapiError'
import { loadClient } from '../http/clients'
import { requestOrigin } from '../http/requestOrigin'
import { wrapped } from '../http/respond'
import { serializeSession } from '../serialize/session'
import { resolveOrganization } from '../services/organizations'
import { isSessionActive } from '../services/sessionStatus'
import { sessionTokenRequest } from '../services/sessionTokenRequest'
import { field } from '../utils/formBody'

/**
 * Sessions of the client (fapi.md 2.4): get, touch (activates it, switches organization), tokens, end,
 * remove. A session that is gone (ended, expired, not this client's) answers `401 signed_out` on touch
 * and tokens, which makes clerk-js re-read the client and sign out; nothing else answers 401/422 there.
 */
export function sessionRoutes(deps: Deps): Hono<AppEnv> {
  const { db, clock, tokens, config } = deps

  async function findOwn(c: Context<AppEnv>): Promise<SessionRow | undefined> {
    const client = await loadClient(c, deps)
    if (!client)
      return undefined
    return db.kysely.selectFrom('sessions').selectAll().where('id', '=', c.req.param('id')!).where('client_id', '=', client.id).executeTakeFirst()
  }

  async function respond(c: Context<AppEnv>, sessionId: string): Promise<Response> {
    const now = clock()
    const row = await db.kysely.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow()
    const graph = await loadUserGraph(db.kysely, row.user_id)
    if (!graph)
      throw notFound()
    const jwt = isSessionActive(row, now)
      ? await tokens.sessionToken({ sessionId: row.id, userId: row.user_id, firstFactorVerifiedAt: row.first_factor_verified_at, secondFactorVerifiedAt: row.second_factor_verified_at, organizationId: row.last_active_organization_id, azp: c.get('azp') })
      : null
    return wrapped(c, deps, serializeSession(row, graph, jwt, config, now))
  }

  async function close(c: Context<AppEnv>, status: 'ended' | 'removed'): Promise<Response> {
    const session = await findOwn(c)
    if (!session)
      throw notFound()
    const now = clock()
    await db.kysely.transaction().execute(async (trx) => {
      await closeSessions(trx, { ids: [session.id] }, status, now)
      await trx.updateTable('clients')
        .set({ last_active_session_id: null, updated_at: now })
        .where('id', '=', session.client_id)
        .where('last_active_session_id', '=', session.id)
        .execute()
    })
    tokens.forget(session.id)
    return respond(c, session.id)
  }

  return new Hono<AppEnv>()
    .get('/client/sessions/:id', async (c) => {
      const session = await findOwn(c)
      if (!session)
        throw notFound()
      return respond(c, session.id)
    })

    .post('/client/sessions/:id/touch', async (c) => {
      const session = await findOwn(c)
      const now = clock()
      if (!session || !isSessionActive(session, now))
        throw new FapiError('signed_out')
      const organizationId = await resolveOrganization(deps, session.user_id, field(c.get('form'), 'active_organization_id'))
      const origin = requestOrigin(c, config)
      await db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('sessions').set({
          last_active_at: now,
          abandon_at: now + config.sessions.inactivityTimeoutSeconds * 1000,
          last_active_organization_id: organizationId,
          user_agent: origin.userAgent?.slice(0, 512) ?? session.user_agent,
          ip_address: origin.ipAddress ?? session.ip_address,
          updated_at: now,
        }).where('id', '=', session.id).execute()
        await trx.updateTable('clients').set({ last_active_session_id: session.id, updated_at: now }).where('id', '=', session.client_id).execute()
      })
      return respond(c, session.id)
    })

    .post('/client/sessions/:id/tokens', async c => c.json(await sessionTokenRequest(deps, {
      sessionId: c.req.param('id'),
      credential: c.get('credential'),
      form: c.get('form'),
      azp: c.get('azp'),
      skipCache: c.req.query('debug') === 'skip_cache',
    })))

    .post('/client/sessions/:id/tokens/:template', async () => {
      throw new FapiError('resource_not_found', { longMessage: 'JWT templates are not available on this server: request the default session token instead.' })
    })

    .post('/client/sessions/:id/end', async c => close(c, 'ended'))
    .post('/client/sessions/:id/remove', async c => close(c, 'removed'))
}
