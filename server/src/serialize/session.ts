import type { PorticoConfig } from '../config'
import type { SessionJSONInput } from '../contract'
import type { UserGraph } from '../db/queries/userGraphs'
import type { SessionRow } from '../db/rows'
import { firstFactorAge, secondFactorAge, sessionStatus } from '../services/sessionStatus'
import { serializePublicUserData, serializeUser } from './user'

/** A session inside a client (fapi.md 4.2), with its user and, when active, a fresh token. */
export function serializeSession(row: SessionRow, graph: UserGraph, jwt: string | null, config: PorticoConfig, now: number): SessionJSONInput {
  return {
    object: 'session',
    id: row.id,
    status: sessionStatus(row, now),
    expire_at: row.expire_at,
    abandon_at: row.abandon_at,
    last_active_at: row.last_active_at,
    last_active_token: jwt ? { object: 'token', jwt } : null,
    // clerk-js needs the active organization among the user's memberships (fapi.md 4.2): a stale one reads as personal
    last_active_organization_id: graph.memberships?.some(membership => membership.row.organization_id === row.last_active_organization_id) ? row.last_active_organization_id : null,
    actor: null,
    tasks: [],
    factor_verification_age: [firstFactorAge(row, now), secondFactorAge(row, now)],
    user: serializeUser(graph, config, now),
    public_user_data: serializePublicUserData(graph, config),
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
