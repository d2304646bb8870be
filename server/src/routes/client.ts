import type { AppEnv } from '../appEnv'
import type { Deps } from '../deps'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { isAllowedRedirectUrl } from '../contract'
import { closeSessions } from '../db/queries/sessions'
import { FapiError, missingParam } from '../errors/fapiError'
import { ensureClient, loadClient } from '../http/clients'
import { clientJSON, currentClientJSON } from '../http/respond'
import { CLIENT_COOKIE } from '../middleware/clientIdentity'

/**
 * The client (fapi.md 2.1): read it, create it, destroy it, sign every session out, and the
 * `GET /v1/client/touch` navigation that re-issues the cookie and redirects.
 */
export function clientRoutes(deps: Deps): Hono<AppEnv> {
  const { db, clock, tokens, origins, config } = deps

  /** Ends every session of the client and forgets its sign-in and sign-up; `destroy` also deletes it. */
  async function endAll(clientId: string, destroy = false): Promise<void> {
    const now = clock()
    const ended = await db.kysely.transaction().execute(async (trx) => {
      const ids = await closeSessions(trx, { clientId }, 'ended', now)
      if (destroy) {
        await trx.deleteFrom('clients').where('id', '=', clientId).execute()
      }
      else {
        await trx.updateTable('clients')
          .set({ last_active_session_id: null, sign_in_id: null, sign_up_id: null, updated_at: now })
          .where('id', '=', clientId)
          .execute()
      }
      return ids
    })
    for (const id of ended)
      tokens.forget(id)
  }

  return new Hono<AppEnv>()
    // an unknown browser gets `{response: null, client: null}`
    .get('/client', async (c) => {
      const client = await loadClient(c, deps)
      const json = client ? await clientJSON(c, deps, client) : null
      return c.json({ response: json, client: json })
    })

    .put('/client', async (c) => {
      await ensureClient(c, deps)
      const json = await currentClientJSON(c, deps)
      return c.json({ response: json, client: json })
    })

    .delete('/client', async (c) => {
      const client = await loadClient(c, deps)
      if (!client)
        return c.json({ response: null, client: null })
      await endAll(client.id, true)
      deleteCookie(c, CLIENT_COOKIE, { path: '/' })
      return c.json({ response: { object: 'client', id: client.id, deleted: true }, client: null })
    })

    // `signOut()` for every session: the client stays (and is the response), `client` is null
    .delete('/client/sessions', async (c) => {
      const client = await loadClient(c, deps)
      if (!client)
        return c.json({ response: null, client: null })
      await endAll(client.id)
      return c.json({ response: await currentClientJSON(c, deps), client: null })
    })

    .get('/client/touch', async (c) => {
      const target = c.req.query('redirect_url')
      if (!target)
        throw missingParam('redirect_url')
      const targetOrigin = origins.originOf(target)
      const allowedOrigins = targetOrigin && origins.isAllowed(targetOrigin) ? [targetOrigin] : []
      if (!isAllowedRedirectUrl(target, { allowedOrigins, currentOrigin: origins.publicOrigin }))
        throw new FapiError('invalid_redirect_url', { meta: { param_name: 'redirect_url' } })
      const client = await loadClient(c, deps)
      const cookie = getCookie(c, CLIENT_COOKIE)
      if (client && cookie && c.get('credential')?.kind === 'cookie') {
        // the same value with a new year of life: the Safari ITP workaround this endpoint exists for
        const maxAge = 365 * 24 * 3600
        setCookie(c, CLIENT_COOKIE, cookie, { httpOnly: true, sameSite: 'Lax', secure: config.publicUrl.startsWith('https:') || new URL(c.req.url).protocol === 'https:', path: '/', maxAge })
        await db.kysely.updateTable('clients').set({ cookie_expires_at: clock() + maxAge * 1000 }).where('id', '=', client.id).execute()
      }
      return c.redirect(target, 307)
    })
}
