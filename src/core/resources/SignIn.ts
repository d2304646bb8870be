import type { SignInJSON, SignInStatus } from '../../contract'
import type { FapiParams } from '../fapi/appendSearchParams'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { toDate } from './dates'
import { camelizeFactor } from './factors'
import { Verification } from './Verification'

/** A sign-in factor (an entry of `supportedFirstFactors`/`supportedSecondFactors`), camelCased. */
export interface SignInFactor {
  strategy: string
  /** Masked identifier to show, e.g. `j***@example.com`. */
  safeIdentifier?: string
  emailAddressId?: string
  phoneNumberId?: string
  web3WalletId?: string
  passkeyId?: string
  primary?: boolean | null
  default?: boolean
  channel?: string
}

/** Options of `SignIn.create` (ClerkJS names). */
export interface SignInCreateParams {
  /** Email address, username or phone number. */
  identifier?: string
  /** With `identifier`, signs in in one step. */
  password?: string
  /** `password`, or `ticket` with `ticket`: an invitation link signs its invitee in (no identifier needed). */
  strategy?: 'password' | 'ticket' | (string & {})
  /** An invitation link's `__clerk_ticket`, with `strategy: 'ticket'`. */
  ticket?: string
  redirectUrl?: string
  actionCompleteRedirectUrl?: string
  transfer?: boolean
  [key: string]: string | boolean | undefined
}

/** Options of `SignIn.prepareFirstFactor`: a supported factor (extra fields such as `safeIdentifier` are ignored). */
export interface PrepareFirstFactorParams {
  strategy: string
  emailAddressId?: string
  phoneNumberId?: string
  web3WalletId?: string
  redirectUrl?: string
  actionCompleteRedirectUrl?: string
  channel?: string
}

/** Options of `SignIn.attemptFirstFactor`. */
export interface AttemptFirstFactorParams {
  strategy: string
  password?: string
  code?: string
  signature?: string
  token?: string
  ticket?: string
}

/** Options of `SignIn.prepareSecondFactor`: a supported second factor (extra fields such as `safeIdentifier` are ignored). */
export interface PrepareSecondFactorParams {
  /** `phone_code` (the codes of `totp` and `backup_code` need no sending). */
  strategy: string
  /** The number to text; the user's default second-factor number when omitted. */
  phoneNumberId?: string
  emailAddressId?: string
  redirectUrl?: string
}

/** Options of `SignIn.attemptSecondFactor`. */
export interface AttemptSecondFactorParams {
  /** `totp`, `phone_code` or `backup_code`. */
  strategy: string
  code: string
}

/** Options of `SignIn.resetPassword`. */
export interface ResetPasswordParams {
  password: string
  /** End the user's sessions on other devices. @default false */
  signOutOfOtherSessions?: boolean
}

/** What the sign-in knows about the user being signed in. */
export interface SignInUserData {
  firstName: string | null
  lastName: string | null
  imageUrl: string | null
  hasImage: boolean
}

const PREPARE_KEYS = ['strategy', 'emailAddressId', 'phoneNumberId', 'web3WalletId', 'redirectUrl', 'actionCompleteRedirectUrl', 'channel'] as const
const PREPARE_SECOND_KEYS = ['strategy', 'phoneNumberId', 'emailAddressId', 'redirectUrl'] as const

/**
 * The client's sign-in attempt (`/client/sign_ins`), as ClerkJS's `SignIn`. Every method updates this
 * object in place and resolves with it, so `await signIn.create(...)` and `signIn.status` agree.
 */
export class SignIn extends BaseResource {
  /** Empty until `create()` ran. */
  id = ''
  status: SignInStatus | null = null
  identifier: string | null = null
  supportedIdentifiers: string[] = []
  supportedFirstFactors: SignInFactor[] | null = null
  supportedSecondFactors: SignInFactor[] | null = null
  firstFactorVerification = new Verification()
  secondFactorVerification = new Verification()
  /** Set once `status` is `complete`: pass it to `clerk.setActive({ session })`. */
  createdSessionId: string | null = null
  userData: SignInUserData = { firstName: null, lastName: null, imageUrl: null, hasImage: false }
  abandonAt: Date | null = null

  constructor(json: SignInJSON | null, ctx: ResourceContext) {
    super(ctx)
    if (json)
      this.fromJSON(json)
  }

  /** Starts a new sign-in (with `identifier` + `password` it can complete in one step). */
  async create(params: SignInCreateParams): Promise<this> {
    return this.send('/client/sign_ins', { ...params })
  }

  /** Sends a code or link for a first factor (e.g. `{ strategy: 'email_code', emailAddressId }`). */
  async prepareFirstFactor(params: PrepareFirstFactorParams): Promise<this> {
    return this.send(this.path('prepare_first_factor'), pick(params, PREPARE_KEYS))
  }

  /** Verifies the first factor (password or code). */
  async attemptFirstFactor(params: AttemptFirstFactorParams): Promise<this> {
    return this.send(this.path('attempt_first_factor'), { ...params })
  }

  /** Texts a code for the `phone_code` second factor (e.g. pass an entry of `supportedSecondFactors`). */
  async prepareSecondFactor(params: PrepareSecondFactorParams): Promise<this> {
    return this.send(this.path('prepare_second_factor'), pick(params, PREPARE_SECOND_KEYS))
  }

  /** Verifies the second factor (an authenticator, SMS or backup code); `complete` then carries `createdSessionId`. */
  async attemptSecondFactor(params: AttemptSecondFactorParams): Promise<this> {
    return this.send(this.path('attempt_second_factor'), { strategy: params.strategy, code: params.code })
  }

  /** Sets a new password after a `reset_password_*_code` first factor (status `needs_new_password`). */
  async resetPassword(params: ResetPasswordParams): Promise<this> {
    return this.send(this.path('reset_password'), { ...params })
  }

  /** Re-reads this sign-in from the server. */
  async reload(): Promise<this> {
    const { response } = await this.ctx.request({ path: this.path(), method: 'GET', contract: 'signIn' })
    return this.fromJSON(response)
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: SignInJSON): this {
    this.id = json.id
    this.status = json.status
    this.identifier = json.identifier ?? null
    this.supportedIdentifiers = [...json.supported_identifiers]
    this.supportedFirstFactors = json.supported_first_factors?.map(camelizeFactor) ?? null
    this.supportedSecondFactors = json.supported_second_factors?.map(camelizeFactor) ?? null
    this.firstFactorVerification = new Verification(json.first_factor_verification)
    this.secondFactorVerification = new Verification(json.second_factor_verification)
    this.createdSessionId = json.created_session_id ?? null
    this.userData = {
      firstName: json.user_data?.first_name ?? null,
      lastName: json.user_data?.last_name ?? null,
      imageUrl: json.user_data?.image_url ?? null,
      hasImage: json.user_data?.has_image ?? false,
    }
    this.abandonAt = toDate(json.abandon_at)
    return this
  }

  private path(action?: string): string {
    if (!this.id)
      // eslint-disable-next-line node/prefer-global/process
      throw new Error(process.env.NODE_ENV !== 'production' ? '[portico] This sign-in has not been created yet: call signIn.create({ identifier }) first.' : '[portico] sign-in-not-created')
    return action ? `/client/sign_ins/${this.id}/${action}` : `/client/sign_ins/${this.id}`
  }

  private async send(path: string, body: FapiParams): Promise<this> {
    const { response } = await this.ctx.request({ path, method: 'POST', body, contract: 'signIn' })
    return this.fromJSON(response)
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): FapiParams {
  const out: FapiParams = {}
  for (const key of keys) {
    const value = source[key]
    if (value !== undefined)
      out[key as string] = value as string
  }
  return out
}
