import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { UserGraph } from '../../db/queries/userGraphs'
import type { Deps } from '../../deps'
import type { Acting } from '../../http/actingSession'
import { loadUserGraph } from '../../db/queries/userGraphs'
import { FapiError } from '../../errors/fapiError'
import { actingSession } from '../../http/actingSession'
import { wrapped } from '../../http/respond'
import { serializeUser } from '../../serialize/user'

/** The acting session and its user, with identifications. */
export interface Me extends Acting {
  graph: UserGraph
}

/** Resolves the acting session (`_clerk_session_id`, else the last active one) and loads its user. */
export async function me(c: Context<AppEnv>, deps: Deps): Promise<Me> {
  const acting = await actingSession(c, deps)
  const graph = await loadUserGraph(deps.db.kysely, acting.session.user_id)
  if (!graph)
    throw new FapiError('authentication_invalid')
  return { ...acting, graph }
}

/** Answers with the user (re-read) and the piggybacked client. */
export async function respondUser(c: Context<AppEnv>, deps: Deps, userId: string): Promise<Response> {
  const graph = await loadUserGraph(deps.db.kysely, userId)
  if (!graph)
    throw new FapiError('resource_not_found')
  return wrapped(c, deps, serializeUser(graph, deps.config, deps.clock()))
}
