import type { EmailAddressJSON } from '../../contract'
import type { FapiParams } from '../fapi/appendSearchParams'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { toDate } from './dates'
import { Verification } from './Verification'

/** Options of `EmailAddress.prepareVerification`. */
export type PrepareEmailAddressVerificationParams
  = | { strategy: 'email_code' }
    | { strategy: 'email_link' | 'enterprise_sso', redirectUrl: string }

/** Options of `EmailAddress.attemptVerification`. */
export interface AttemptEmailAddressVerificationParams {
  code: string
}

/** One of the signed-in user's email addresses (`/me/email_addresses/:id`). */
export class EmailAddress extends BaseResource {
  id = ''
  emailAddress = ''
  reserved = false
  verification = new Verification()
  linkedTo: { type: string, id: string }[] = []
  matchesSsoConnection = false
  createdAt: Date | null = null
  updatedAt: Date | null = null

  constructor(json: EmailAddressJSON, ctx: ResourceContext) {
    super(ctx)
    this.fromJSON(json)
  }

  /** Sends a verification code (or link) to this address. */
  async prepareVerification(params: PrepareEmailAddressVerificationParams): Promise<this> {
    return this.post('prepare_verification', { ...params })
  }

  /** Checks the code that was sent to this address. */
  async attemptVerification(params: AttemptEmailAddressVerificationParams): Promise<this> {
    return this.post('attempt_verification', { code: params.code })
  }

  /** Removes this address from the user. */
  async destroy(): Promise<void> {
    await this.ctx.request({ path: `/me/email_addresses/${this.id}`, method: 'DELETE', contract: 'deletedObject' })
  }

  /** The address itself, so it can be interpolated. */
  override toString(): string {
    return this.emailAddress
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: EmailAddressJSON): this {
    this.id = json.id
    this.emailAddress = json.email_address
    this.reserved = json.reserved ?? false
    this.verification = new Verification(json.verification)
    this.linkedTo = json.linked_to.map(link => ({ type: link.type, id: link.id }))
    this.matchesSsoConnection = json.matches_sso_connection ?? false
    this.createdAt = toDate(json.created_at)
    this.updatedAt = toDate(json.updated_at)
    return this
  }

  private async post(action: string, body: FapiParams): Promise<this> {
    const { response } = await this.ctx.request({
      path: `/me/email_addresses/${this.id}/${action}`,
      method: 'POST',
      body,
      contract: 'emailAddress',
    })
    return this.fromJSON(response)
  }
}
