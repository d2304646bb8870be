import type { SessionActorJSON, SessionJSON, SessionStatus } from '../../contract'
import type { PublicUserData } from './PublicUserData'
import type { GetTokenOptions, ResourceContext } from './ResourceContext'
import type { CheckAuthorizationParams } from './sessionAuthorization'
import { BaseResource } from './BaseResource'
import { toPublicUserData } from './PublicUserData'
import { checkSessionAuthorization } from './sessionAuthorization'
import { Token } from './Token'
import { User } from './User'

/** Options of `Session.touch`. */
export interface SessionTouchParams {
  /** Makes this organization active (`null`: the personal account). @default the current one */
  organizationId?: string | null
  /** Why the session is touched; the server records it. @default 'focus' */
  intent?: 'focus' | 'select_session' | 'select_org'
}

/** A session of the client (`/client/sessions/:id`), as ClerkJS's `Session`. */
export class Session extends BaseResource {
  id = ''
  status: SessionStatus = 'active'
  expireAt = new Date(0)
  abandonAt = new Date(0)
  lastActiveAt = new Date(0)
  /** The token the server minted with this payload; `getToken()` serves fresher ones from the cache. */
  lastActiveToken: Token | null = null
  /** The active organization; `null` means the personal account. */
  lastActiveOrganizationId: string | null = null
  /** The impersonator, when someone acts as this user. */
  actor: SessionActorJSON | null = null
  tasks: { key: string }[] | null = null
  /** Minutes since the first and second factor were verified (-1: not enrolled). */
  factorVerificationAge: [number, number] | null = null
  user: User | null = null
  publicUserData!: PublicUserData
  createdAt = new Date(0)
  updatedAt = new Date(0)

  constructor(json: SessionJSON, ctx: ResourceContext) {
    super(ctx)
    this.fromJSON(json)
  }

  /**
   * A session token for this session (the raw JWT), served from the cache while it is fresh; `null`
   * when the session is no longer signed in.
   */
  async getToken(options: GetTokenOptions = {}): Promise<string | null> {
    if (this.status !== 'active' && this.status !== 'pending')
      return null
    return this.ctx.getToken({
      sessionId: this.id,
      template: options.template,
      organizationId: options.organizationId === undefined ? this.lastActiveOrganizationId : options.organizationId,
      skipCache: options.skipCache ?? false,
    })
  }

  /** Marks the session as used now and (optionally) switches its active organization. */
  async touch(params: SessionTouchParams = {}): Promise<this> {
    const organizationId = params.organizationId === undefined ? this.lastActiveOrganizationId : params.organizationId
    return this.post('touch', { activeOrganizationId: organizationId ?? '', intent: params.intent ?? 'focus' })
  }

  /** Ends the session; it stays in the client with status `ended`. */
  async end(): Promise<this> {
    return this.post('end')
  }

  /** Removes the session from the client (multi-session sign-out of one account). */
  async remove(): Promise<this> {
    return this.post('remove')
  }

  /** Re-reads the session from the server. */
  async reload(): Promise<this> {
    const { response } = await this.ctx.request({ path: `/client/sessions/${this.id}`, method: 'GET', contract: 'session' })
    return this.fromJSON(response)
  }

  /** `has()`: whether the session's user holds a role, permission, feature or plan, or verified recently enough. */
  checkAuthorization(params: CheckAuthorizationParams): boolean {
    return checkSessionAuthorization(this, params)
  }

  /** Forgets this session's cached tokens. */
  clearCache(): void {
    this.ctx.clearTokens(this.id)
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: SessionJSON): this {
    this.id = json.id
    this.status = json.status
    this.expireAt = new Date(json.expire_at)
    this.abandonAt = new Date(json.abandon_at)
    this.lastActiveAt = new Date(json.last_active_at)
    this.lastActiveToken = json.last_active_token ? new Token(json.last_active_token.jwt) : null
    this.lastActiveOrganizationId = json.last_active_organization_id || null
    this.actor = json.actor ?? null
    this.tasks = json.tasks ? json.tasks.map(task => ({ key: task.key })) : null
    this.factorVerificationAge = json.factor_verification_age ? [json.factor_verification_age[0], json.factor_verification_age[1]] : null
    this.user = new User(json.user, this.ctx)
    this.publicUserData = toPublicUserData(json.public_user_data)
    this.createdAt = new Date(json.created_at)
    this.updatedAt = new Date(json.updated_at)
    return this
  }

  private async post(action: string, body?: Record<string, string>): Promise<this> {
    const { response } = await this.ctx.request({
      path: `/client/sessions/${this.id}/${action}`,
      method: 'POST',
      body,
      contract: 'session',
    })
    return this.fromJSON(response)
  }
}
