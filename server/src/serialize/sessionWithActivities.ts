import type { PorticoConfig } from '../config'
import type { SessionWithActivitiesJSONInput } from '../contract'
import type { UserGraph } from '../db/queries/userGraphs'
import type { SessionRow } from '../db/rows'
import { firstFactorAge, sessionStatus } from '../services/sessionStatus'
import { parseUserAgent } from '../services/userAgent'
import { serializePublicUserData } from './user'

/** One entry of `GET /me/sessions/active` (fapi.md 2.4): the session with `user: null` and its latest activity. */
export function serializeSessionWithActivities(row: SessionRow, graph: UserGraph, config: PorticoConfig, now: number): SessionWithActivitiesJSONInput {
  const device = parseUserAgent(row.user_agent)
  return {
    object: 'session',
    id: row.id,
    status: sessionStatus(row, now),
    expire_at: row.expire_at,
    abandon_at: row.abandon_at,
    last_active_at: row.last_active_at,
    last_active_token: null,
    last_active_organization_id: row.last_active_organization_id,
    actor: null,
    tasks: [],
    factor_verification_age: [firstFactorAge(row, now), -1],
    user: null,
    public_user_data: serializePublicUserData(graph, config),
    latest_activity: {
      id: `sess_activity_${row.id.slice('sess_'.length)}`,
      browser_name: device.browserName,
      browser_version: device.browserVersion,
      device_type: device.deviceType,
      ip_address: row.ip_address,
      city: null,
      country: null,
      is_mobile: device.isMobile,
    },
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
