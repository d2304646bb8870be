import type { SignUpVerificationJSON, VerificationJSON, VerificationStatus } from '../../contract'
import { toDate } from './dates'

/** The error of a failed OAuth/SSO verification, camelCased. */
export interface VerificationError {
  code: string
  message: string
  longMessage: string | undefined
}

/** The progress of one verification (an email code, a password, ...), as ClerkJS's `Verification`. */
export class Verification {
  /** `null` before the verification started. */
  status: VerificationStatus | null = null
  strategy: string | null = null
  attempts: number | null = null
  expireAt: Date | null = null
  nonce: string | null = null
  message: string | null = null
  /** Absolute URL to send the user to for OAuth/SSO. */
  externalVerificationRedirectURL: URL | null = null
  error: VerificationError | null = null
  verifiedAtClient: string | null = null
  channel: string | null = null

  constructor(json?: VerificationJSON | null) {
    if (!json)
      return
    this.status = json.status
    this.strategy = json.strategy
    this.attempts = json.attempts ?? null
    this.expireAt = toDate(json.expire_at)
    this.nonce = json.nonce ?? null
    this.message = json.message ?? null
    this.externalVerificationRedirectURL = json.external_verification_redirect_url ? new URL(json.external_verification_redirect_url) : null
    this.error = json.error ? { code: json.error.code, message: json.error.message, longMessage: json.error.long_message } : null
    this.verifiedAtClient = json.verified_at_client ?? null
    this.channel = json.channel ?? null
  }

  /** True once the verification succeeded. */
  get verified(): boolean {
    return this.status === 'verified'
  }
}

/** A sign-up's verification, which also says what to do next. */
export class SignUpVerification extends Verification {
  /** `needs_prepare`, `needs_attempt` or '' (done / not applicable). */
  nextAction: 'needs_prepare' | 'needs_attempt' | '' = ''
  supportedStrategies: string[] = []

  constructor(json?: SignUpVerificationJSON | null) {
    super(json)
    if (!json)
      return
    this.nextAction = json.next_action ?? ''
    this.supportedStrategies = [...json.supported_strategies]
  }
}
