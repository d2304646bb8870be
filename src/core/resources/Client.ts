import type { ClientJSON } from '../../contract'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { toDate } from './dates'
import { Session } from './Session'
import { SignIn } from './SignIn'
import { SignUp } from './SignUp'

/**
 * One browser's state on the Frontend API (`/client`), as ClerkJS's `Client`: its sessions and its
 * in-flight sign-in and sign-up. A browser the server does not know yet has an empty client (`id` '').
 */
export class Client extends BaseResource {
  id = ''
  /** Every session of the client, including ended ones the server still reports. */
  sessions: Session[] = []
  /** Always an object: a fresh one (no `id`) when no sign-in is in progress. */
  signIn: SignIn
  /** Always an object: a fresh one (no `id`) when no sign-up is in progress. */
  signUp: SignUp
  lastActiveSessionId: string | null = null
  lastAuthenticationStrategy: string | null = null
  cookieExpiresAt: Date | null = null
  captchaBypass = false
  createdAt: Date | null = null
  updatedAt: Date | null = null

  constructor(json: ClientJSON | null, ctx: ResourceContext) {
    super(ctx)
    this.signIn = new SignIn(null, ctx)
    this.signUp = new SignUp(null, ctx)
    if (json)
      this.fromJSON(json)
  }

  /** Sessions whose user is signed in (`active`, or `pending` with tasks left). */
  get signedInSessions(): Session[] {
    return this.sessions.filter(session => session.status === 'active' || session.status === 'pending')
  }

  /** Sessions with status `active`. */
  get activeSessions(): Session[] {
    return this.sessions.filter(session => session.status === 'active')
  }

  /** True for a client the server has not created yet. */
  isNew(): boolean {
    return !this.id
  }

  /** Signs every session of this client out (`DELETE /client/sessions`); the client itself stays. */
  async removeSessions(): Promise<this> {
    // NOTE: this endpoint answers with the client in `response` and `client: null`, so apply it here
    const { response } = await this.ctx.request({ path: '/client/sessions', method: 'DELETE', contract: 'client?' })
    this.ctx.clearTokens()
    this.ctx.applyClient(response)
    return response ? this.fromJSON(response) : this
  }

  /** Deletes the client on the server (`DELETE /client`): every session ends and the browser starts over. */
  async destroy(): Promise<void> {
    await this.ctx.request({ path: '/client', method: 'DELETE', contract: 'unknown', updateClient: false })
    this.ctx.clearTokens()
    this.ctx.applyClient(null)
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: ClientJSON): this {
    this.id = json.id
    this.sessions = json.sessions.map(session => new Session(session, this.ctx))
    this.signIn = new SignIn(json.sign_in, this.ctx)
    this.signUp = new SignUp(json.sign_up, this.ctx)
    this.lastActiveSessionId = json.last_active_session_id
    this.lastAuthenticationStrategy = json.last_authentication_strategy ?? null
    this.cookieExpiresAt = toDate(json.cookie_expires_at)
    this.captchaBypass = json.captcha_bypass ?? false
    this.createdAt = toDate(json.created_at)
    this.updatedAt = toDate(json.updated_at)
    return this
  }
}
