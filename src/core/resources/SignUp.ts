import type { SignUpJSON, SignUpStatus } from '../../contract'
import type { FapiParams } from '../fapi/appendSearchParams'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { toDate } from './dates'
import { SignUpVerification } from './Verification'

/** Options of `SignUp.create` / `SignUp.update` (ClerkJS names). */
export interface SignUpCreateParams {
  emailAddress?: string
  phoneNumber?: string
  username?: string
  password?: string
  firstName?: string
  lastName?: string
  /** Sent as a JSON string. */
  unsafeMetadata?: Record<string, unknown>
  /** `ticket` with `ticket`: sign up from an invitation link (the invited address comes verified). */
  strategy?: 'ticket' | (string & {})
  /** An invitation link's `__clerk_ticket`, with `strategy: 'ticket'`. */
  ticket?: string
  code?: string
  transfer?: boolean
  legalAccepted?: boolean
  redirectUrl?: string
  actionCompleteRedirectUrl?: string
}

/** Options of `SignUp.prepareVerification`. */
export interface SignUpPrepareVerificationParams {
  strategy: 'email_code' | 'email_link' | 'phone_code' | (string & {})
  redirectUrl?: string
  actionCompleteRedirectUrl?: string
  channel?: string
}

/** Options of `SignUp.attemptVerification`. */
export interface SignUpAttemptVerificationParams {
  strategy: 'email_code' | 'phone_code' | (string & {})
  code?: string
  signature?: string
  token?: string
}

/** The verifications a sign-up tracks, one per identifier kind. */
export interface SignUpVerifications {
  emailAddress: SignUpVerification
  phoneNumber: SignUpVerification
  web3Wallet: SignUpVerification
  externalAccount: SignUpVerification
}

/**
 * The client's sign-up attempt (`/client/sign_ups`), as ClerkJS's `SignUp`. Every method updates this
 * object in place and resolves with it.
 */
export class SignUp extends BaseResource {
  /** Empty until `create()` ran. */
  id = ''
  status: SignUpStatus | null = null
  requiredFields: string[] = []
  optionalFields: string[] = []
  missingFields: string[] = []
  unverifiedFields: string[] = []
  verifications: SignUpVerifications = emptyVerifications()
  username: string | null = null
  firstName: string | null = null
  lastName: string | null = null
  emailAddress: string | null = null
  phoneNumber: string | null = null
  web3wallet: string | null = null
  hasPassword = false
  unsafeMetadata: Record<string, unknown> = {}
  /** Set once `status` is `complete`: pass it to `clerk.setActive({ session })`. */
  createdSessionId: string | null = null
  createdUserId: string | null = null
  abandonAt: Date | null = null
  legalAcceptedAt: Date | null = null

  constructor(json: SignUpJSON | null, ctx: ResourceContext) {
    super(ctx)
    if (json)
      this.fromJSON(json)
  }

  /** Starts a new sign-up. */
  async create(params: SignUpCreateParams): Promise<this> {
    return this.send('POST', '/client/sign_ups', toBody(params))
  }

  /** Adds or changes fields of this sign-up. */
  async update(params: SignUpCreateParams): Promise<this> {
    return this.send('PATCH', this.path(), toBody(params))
  }

  /** Sends a verification code or link for one of the sign-up's identifiers. */
  async prepareVerification(params: SignUpPrepareVerificationParams): Promise<this> {
    return this.send('POST', this.path('prepare_verification'), { ...params })
  }

  /** Checks a verification code. */
  async attemptVerification(params: SignUpAttemptVerificationParams): Promise<this> {
    return this.send('POST', this.path('attempt_verification'), { ...params })
  }

  /** `prepareVerification({ strategy: 'email_code' })`, or a link with `{ strategy: 'email_link', redirectUrl }`. */
  async prepareEmailAddressVerification(params: Partial<SignUpPrepareVerificationParams> = {}): Promise<this> {
    return this.prepareVerification({ ...params, strategy: params.strategy ?? 'email_code' })
  }

  /** `attemptVerification({ strategy: 'email_code', code })`. */
  async attemptEmailAddressVerification(params: { code: string }): Promise<this> {
    return this.attemptVerification({ strategy: 'email_code', code: params.code })
  }

  /** Re-reads this sign-up from the server. */
  async reload(): Promise<this> {
    const { response } = await this.ctx.request({ path: this.path(), method: 'GET', contract: 'signUp' })
    return this.fromJSON(response)
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: SignUpJSON): this {
    const verifications = json.verifications
    this.id = json.id
    this.status = json.status
    this.requiredFields = [...json.required_fields]
    this.optionalFields = [...json.optional_fields]
    this.missingFields = [...json.missing_fields]
    this.unverifiedFields = [...json.unverified_fields]
    this.verifications = {
      emailAddress: new SignUpVerification(verifications?.email_address),
      phoneNumber: new SignUpVerification(verifications?.phone_number),
      web3Wallet: new SignUpVerification(verifications?.web3_wallet),
      externalAccount: new SignUpVerification(verifications?.external_account),
    }
    this.username = json.username ?? null
    this.firstName = json.first_name ?? null
    this.lastName = json.last_name ?? null
    this.emailAddress = json.email_address ?? null
    this.phoneNumber = json.phone_number ?? null
    this.web3wallet = json.web3_wallet ?? null
    this.hasPassword = json.has_password ?? json.password_enabled ?? false
    this.unsafeMetadata = { ...json.unsafe_metadata }
    this.createdSessionId = json.created_session_id ?? null
    this.createdUserId = json.created_user_id ?? null
    this.abandonAt = toDate(json.abandon_at)
    this.legalAcceptedAt = toDate(json.legal_accepted_at)
    return this
  }

  private path(action?: string): string {
    if (!this.id)
      // eslint-disable-next-line node/prefer-global/process
      throw new Error(process.env.NODE_ENV !== 'production' ? '[portico] This sign-up has not been created yet: call signUp.create({ ... }) first.' : '[portico] sign-up-not-created')
    return action ? `/client/sign_ups/${this.id}/${action}` : `/client/sign_ups/${this.id}`
  }

  private async send(method: 'POST' | 'PATCH', path: string, body: FapiParams): Promise<this> {
    const { response } = await this.ctx.request({ path, method, body, contract: 'signUp' })
    return this.fromJSON(response)
  }
}

function emptyVerifications(): SignUpVerifications {
  return {
    emailAddress: new SignUpVerification(),
    phoneNumber: new SignUpVerification(),
    web3Wallet: new SignUpVerification(),
    externalAccount: new SignUpVerification(),
  }
}

function toBody(params: SignUpCreateParams): FapiParams {
  const { unsafeMetadata, ...rest } = params
  // clerk-js sends the metadata pre-stringified; the server parses it as JSON
  return { ...rest, unsafeMetadata: unsafeMetadata && JSON.stringify(unsafeMetadata) }
}
