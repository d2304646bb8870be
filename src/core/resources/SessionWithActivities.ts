import type { SessionActivityJSON, SessionWithActivitiesJSON } from '../../contract'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'

/** Where and on what a session was last used. */
export interface SessionActivity {
  browserName: string | null
  browserVersion: string | null
  deviceType: string | null
  ipAddress: string | null
  city: string | null
  country: string | null
  isMobile: boolean
}

/** One of the user's sessions on any device, as `user.getSessions()` lists them. */
export class SessionWithActivities extends BaseResource {
  id: string
  status: string
  expireAt: Date
  abandonAt: Date
  lastActiveAt: Date
  latestActivity: SessionActivity | null

  constructor(json: SessionWithActivitiesJSON, ctx: ResourceContext) {
    super(ctx)
    this.id = json.id
    this.status = json.status
    this.expireAt = new Date(json.expire_at)
    this.abandonAt = new Date(json.abandon_at)
    this.lastActiveAt = new Date(json.last_active_at)
    this.latestActivity = json.latest_activity ? toActivity(json.latest_activity) : null
  }

  /** Signs this session out, wherever it is (`POST /me/sessions/:id/revoke`). */
  async revoke(): Promise<void> {
    await this.ctx.request({ path: `/me/sessions/${this.id}/revoke`, method: 'POST', contract: 'unknown' })
  }
}

/** Lists the user's active sessions (`GET /me/sessions/active`, a bare array). */
export async function fetchActiveSessions(ctx: ResourceContext): Promise<SessionWithActivities[]> {
  const { response } = await ctx.request({ path: '/me/sessions/active', method: 'GET', contract: 'sessionWithActivities[]' })
  return response.map(json => new SessionWithActivities(json, ctx))
}

function toActivity(json: SessionActivityJSON): SessionActivity {
  return {
    browserName: json.browser_name ?? null,
    browserVersion: json.browser_version ?? null,
    deviceType: json.device_type ?? null,
    ipAddress: json.ip_address ?? null,
    city: json.city ?? null,
    country: json.country ?? null,
    isMobile: json.is_mobile ?? false,
  }
}
