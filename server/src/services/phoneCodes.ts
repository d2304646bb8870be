import type { Kysely } from 'kysely'
import type { PorticoConfig } from '../config'
import type { Db } from '../db/createDb'
import type { Database } from '../db/schema'
import type { Clock } from '../utils/clock'
import type { SmsSender } from './smsSender'
import { randomInt } from 'node:crypto'
import { FapiError } from '../errors/fapiError'
import { newId } from '../utils/newId'
import { codeHash, TEST_MODE_CODE } from './codes'
import { isTestPhoneNumber } from './phoneNumbers'

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
      const existing = verificationId
        ? await db.kysely.selectFrom('verifications').selectAll().where('id', '=', verificationId).executeTakeFirst()
        : undefined
      if (existing && existing.status === 'unverified' && existing.target === to && existing.strategy === strategy
        && existing.sent_at !== null && now - existing.sent_at < resendCooldownSeconds * 1000) {
        const wait = Math.ceil((existing.sent_at + resendCooldownSeconds * 1000 - now) / 1000)
        throw new FapiError('verification_code_too_many_requests', { headers: { 'Retry-After': String(wait) } })
      }
      const testMode = isTestPhoneNumber(config, to)
      const code = testMode ? TEST_MODE_CODE : String(randomInt(0, 1_000_000)).padStart(6, '0')
      const id = existing?.id ?? newId('ver')
      const row = {
        strategy,
        status: 'unverified',
        code_hash: codeHash(id, code),
        attempts: keepAttempts && existing ? existing.attempts : 0,
        expire_at: Math.min(now + ttlSeconds * 1000, expireBy ?? Number.POSITIVE_INFINITY),
        sent_at: now,
        verified_at: null,
        target: to,
        updated_at: now,
      }
      await db.kysely.transaction().execute(async (trx) => {
        if (existing)
          await trx.updateTable('verifications').set(row).where('id', '=', id).execute()
        else
          await trx.insertInto('verifications').values({ id, ...row, created_at: now }).execute()
        await attach(trx, id)
      })
      // after the commit, like email; test numbers are not real phones and get nothing
      if (!testMode) {
        const minutes = Math.round((row.expire_at - now) / 60_000)
        await sms.send({ to, code, text: `${code} is your ${config.applicationName} code to ${ACTIONS[purpose]}. It expires in ${minutes} minutes.` })
      }
      return id
    },
  }
}
