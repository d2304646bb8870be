import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../appEnv'
import type { ClientJSONInput } from '../contract'
import type { ClientGraph } from '../db/queries/clientGraph'
import type { ClientRow } from '../db/rows'
import type { Deps } from '../deps'
import { loadClientGraph } from '../db/queries/clientGraph'
import { serializeClient } from '../serialize/client'
import { forgetClient, loadClient } from './clients'

/** Builds the client's JSON with a fresh `last_active_token` on every active session. */
export async function clientJSON(c: Context<AppEnv>, deps: Deps, client: ClientRow): Promise<ClientJSONInput> {
  const now = deps.clock()
  return clientJSONOf(c, deps, await loadClientGraph(deps.db.kysely, client, now), now)
}

async function clientJSONOf(c: Context<AppEnv>, deps: Deps, graph: ClientGraph, now: number): Promise<ClientJSONInput> {
  const azp = c.get('azp')
  const jwts = await Promise.all(graph.sessions.map(session => deps.tokens.sessionToken({
    sessionId: session.id,
    userId: session.user_id,
    firstFactorVerifiedAt: session.first_factor_verified_at,
    secondFactorVerifiedAt: session.second_factor_verified_at,
    organizationId: session.last_active_organization_id,
    azp,
  })))
  return serializeClient(graph, new Map(graph.sessions.map((session, i) => [session.id, jwts[i]!])), deps.config, now)
}

/** The current client as it is now in the database (re-read: the request may have changed it), or null. */
export async function currentClientJSON(c: Context<AppEnv>, deps: Deps): Promise<ClientJSONInput | null> {
  forgetClient(c)
  const client = await loadClient(c, deps)
  return client ? clientJSON(c, deps, client) : null
}

/**
 * The wrapped envelope `{response, client}` (fapi.md 3.1) with the full current client piggybacked,
 * as clerk-js expects after every request that is not one of the bare endpoints.
 */
export async function wrapped(c: Context<AppEnv>, deps: Deps, response: unknown, status: ContentfulStatusCode = 200): Promise<Response> {
  return c.json({ response, client: await currentClientJSON(c, deps) }, status)
}

/**
 * `wrapped` for a response built from the same rows as the piggybacked client: the client graph (its
 * sessions, sign-in, sign-up, their users and verifications) is read once, after the request's
 * changes, and handed to `respond` (null when the request has no client), instead of the response and
 * the client each reading the same sign-in and user graph.
 */
export async function wrappedWithClientGraph(c: Context<AppEnv>, deps: Deps, respond: (graph: ClientGraph | null, now: number) => unknown, status: ContentfulStatusCode = 200): Promise<Response> {
  forgetClient(c)
  const client = await loadClient(c, deps)
  const now = deps.clock()
  const graph = client ? await loadClientGraph(deps.db.kysely, client, now) : null
  const response = await respond(graph, now)
  return c.json({ response, client: graph ? await clientJSONOf(c, deps, graph, now) : null }, status)
}
