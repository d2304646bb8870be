import type { Kysely } from 'kysely'
import type { PorticoConfig } from '../config'
import type { Db } from '../db/createDb'
import type { Database } from '../db/schema'
import type { Clock } from '../utils/clock'
import type { SmsSender } from './smsSender'
import { isTestPhoneNumber } from './phoneNumbers'
import { storeFreshCode } from './storeFreshCode'

/** Why an SMS code is sent: it picks the message's wording. */
export type PhoneCodePurpose = 'verify_phone' | 'sign_in' | 'second_factor' | 'reset_password'

/** What `PhoneCodes.send` needs. */
export interface SendPhoneCodeInput {
  /** The verification to refresh (a resend replaces its code), or null to start one. */
  verificationId: string | null
  strategy: string
  /** E.164 number the code goes to. */
  to: string
  purpose: PhoneCodePurpose
  /** Links the verification to its owner in the same transaction. */
  attach: (trx: Kysely<Database>, verificationId: string) => Promise<void>
  /**
   * Keep the attempts already spent (a sign-in's second-factor challenge counts wrong codes across resends, MF-3).
   * @default false: a resend starts a fresh count, like email codes
   */
  keepAttempts?: boolean
  /** The latest the code may expire (the end of a second-factor challenge). */
  expireBy?: number
}

/**
 * SMS codes (MF-6): the same verification rows, hashing and checks as email codes (`codes.check` and
 * `codes.consume` work on them), delivered by the SMS sender.
 */
export interface PhoneCodes {
  send: (input: SendPhoneCodeInput) => Promise<string>
}

const ACTIONS: Record<PhoneCodePurpose, string> = {
  verify_phone: 'verify your phone number',
  sign_in: 'sign in',
  second_factor: 'finish signing in',
  reset_password: 'reset your password',
}

/** SMS codes backed by the `verifications` table. */
export function createPhoneCodes({ db, config, clock, sms }: { db: Db, config: PorticoConfig, clock: Clock, sms: SmsSender }): PhoneCodes {
  const { ttlSeconds, resendCooldownSeconds } = config.codes
  return {
    async send({ verificationId, strategy, to, purpose, attach, keepAttempts = false, expireBy }) {
      const now = clock()
      const testMode = isTestPhoneNumber(config, to)
      const { id, code, expireAt } = await storeFreshCode(db, { verificationId, strategy, to, testMode, now, ttlSeconds, resendCooldownSeconds, attach, keepAttempts, expireBy })
      // after the commit, like email; test numbers are not real phones and get nothing
      if (!testMode) {
        const minutes = Math.round((expireAt - now) / 60_000)
        await sms.send({ to, code, text: `${code} is your ${config.applicationName} code to ${ACTIONS[purpose]}. It expires in ${minutes} minutes.` })
      }
      return id
    },
  }
}
