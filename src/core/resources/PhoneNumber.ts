import type { PhoneNumberJSON } from '../../contract'
import type { FapiParams } from '../fapi/appendSearchParams'
import type { FapiMethod } from '../fapi/fapiMethod'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { toDate } from './dates'
import { Verification } from './Verification'

/** Options of `PhoneNumber.prepareVerification` (an SMS code is the only strategy). */
export interface PreparePhoneNumberVerificationParams {
  strategy?: 'phone_code'
  /** `sms` (the default) or `whatsapp`, when the instance offers it. */
  channel?: string
}

/** Options of `PhoneNumber.attemptVerification`. */
export interface AttemptPhoneNumberVerificationParams {
  code: string
}

/** Options of `PhoneNumber.setReservedForSecondFactor`. */
export interface SetReservedForSecondFactorParams {
  /** True to receive second-factor SMS codes on this number, false to stop. */
  reserved: boolean
}

/** One of the signed-in user's phone numbers (`/me/phone_numbers/:id`), as ClerkJS's `PhoneNumber`. */
export class PhoneNumber extends BaseResource {
  id = ''
  /** E.164 form, e.g. `+15555550100`. */
  phoneNumber = ''
  reserved = false
  /** Second-factor SMS codes go to this number. */
  reservedForSecondFactor = false
  /** The number a sign-in texts first when the user has several reserved ones. */
  defaultSecondFactor = false
  verification = new Verification()
  linkedTo: { type: string, id: string }[] = []
  /** Backup codes, present only in the answer that first reserved a number for second factor. */
  backupCodes: string[] | undefined = undefined
  createdAt: Date | null = null
  updatedAt: Date | null = null

  constructor(json: PhoneNumberJSON, ctx: ResourceContext) {
    super(ctx)
    this.fromJSON(json)
  }

  /** Texts a verification code to this number. */
  async prepareVerification(params: PreparePhoneNumberVerificationParams = {}): Promise<this> {
    return this.send('POST', 'prepare_verification', { strategy: params.strategy ?? 'phone_code', channel: params.channel })
  }

  /** Checks the code that was texted to this number. */
  async attemptVerification(params: AttemptPhoneNumberVerificationParams): Promise<this> {
    return this.send('POST', 'attempt_verification', { code: params.code })
  }

  /** Uses this (verified) number for second-factor SMS codes, or stops using it. */
  async setReservedForSecondFactor(params: SetReservedForSecondFactorParams): Promise<this> {
    return this.send('PATCH', '', { reservedForSecondFactor: params.reserved })
  }

  /** Makes this reserved number the one a sign-in texts first. */
  async makeDefaultSecondFactor(): Promise<this> {
    return this.send('PATCH', '', { defaultSecondFactor: true })
  }

  /** Removes this number from the user. */
  async destroy(): Promise<void> {
    await this.ctx.request({ path: `/me/phone_numbers/${this.id}`, method: 'DELETE', contract: 'deletedObject' })
  }

  /** The number itself, so it can be interpolated. */
  override toString(): string {
    return this.phoneNumber
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: PhoneNumberJSON): this {
    this.id = json.id
    this.phoneNumber = json.phone_number
    this.reserved = json.reserved ?? false
    this.reservedForSecondFactor = json.reserved_for_second_factor
    this.defaultSecondFactor = json.default_second_factor
    this.verification = new Verification(json.verification)
    this.linkedTo = json.linked_to.map(link => ({ type: link.type, id: link.id }))
    this.backupCodes = json.backup_codes ? [...json.backup_codes] : undefined
    this.createdAt = toDate(json.created_at)
    this.updatedAt = toDate(json.updated_at)
    return this
  }

  private async send(method: FapiMethod, action: string, body: FapiParams): Promise<this> {
    const { response } = await this.ctx.request({
      path: action ? `/me/phone_numbers/${this.id}/${action}` : `/me/phone_numbers/${this.id}`,
      method,
      body,
      contract: 'phoneNumber',
    })
    return this.fromJSON(response)
  }
}
