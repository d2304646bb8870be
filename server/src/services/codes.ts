import type { Kysely } from 'kysely'
import type { PorticoConfig } from '../config'
import type { Db } from '../db/createDb'
import type { Database } from '../db/schema'
import type { Clock } from '../utils/clock'
import type { Mailer } from './mailer'
import { countVerificationAttempt, failVerification } from '../db/queries/verificationAttempts'
import { FapiError } from '../errors/fapiError'
import { digestsEqual, sha256 } from '../utils/sha256'
import { codeMessage } from './codeMessage'
import { storeFreshCode } from './storeFreshCode'

/** Why a code is sent: it picks the email's wording. */
export type CodePurpose = 'verify_email' | 'sign_in' | 'reset_password'

/** What `Codes.send` needs to start or refresh a code verification. */
export interface SendCodeInput {
  /** The verification to refresh (a resend replaces its code), or null to start one. */
  verificationId: string | null
  strategy: string
  /** The email address the code goes to. */
  to: string
  purpose: CodePurpose
  /** Links the verification to its owner (sign-up, sign-in, email address) in the same transaction. */
  attach: (trx: Kysely<Database>, verificationId: string) => Promise<void>
}

/** One-time email codes (MF-6): 6 digits from a CSPRNG, hashed at rest, expiring, single use, attempt-capped. */
export interface Codes {
  /** Creates or refreshes a verification with a new code, links it, then mails the code; returns the verification id. */
  send: (input: SendCodeInput) => Promise<string>
  /** Counts an attempt and checks the code; throws Clerk's error when it is wrong, spent, expired or failed. */
  check: (verificationId: string | null, code: string) => Promise<void>
  /** Marks a checked verification as used; throws if a concurrent request used it first. */
  consume: (trx: Kysely<Database>, verificationId: string) => Promise<void>
}

/** The fixed code Clerk's test mode accepts for `+clerk_test` addresses in development instances. */
export const TEST_MODE_CODE = '424242'

/** True for addresses that use Clerk's test mode (development instances only). */
export function isTestAddress(config: PorticoConfig, email: string): boolean {
  return config.instanceType === 'development' && email.toLowerCase().includes('+clerk_test')
}

/** The stored form of a code: bound to its verification, so one hash never matches another row. */
export function codeHash(verificationId: string, code: string): string {
  return sha256(`${verificationId}:${code}`)
}

/** Email codes backed by the `verifications` table. */
export function createCodes({ db, config, clock, mailer }: { db: Db, config: PorticoConfig, clock: Clock, mailer: Mailer }): Codes {
  const { ttlSeconds, maxAttempts, resendCooldownSeconds } = config.codes

  async function failWith(verificationId: string): Promise<never> {
    const row = await db.kysely.selectFrom('verifications').selectAll().where('id', '=', verificationId).executeTakeFirst()
    if (!row || (row.status === 'unverified' && row.code_hash === null))
      throw new FapiError('verification_not_sent')
    if (row.status === 'verified')
      throw new FapiError('verification_already_verified')
    if (row.status === 'expired' || (row.expire_at !== null && row.expire_at <= clock()))
      throw new FapiError('verification_expired')
    throw new FapiError('verification_failed')
  }

  return {
    async send({ verificationId, strategy, to, purpose, attach }) {
      const testMode = isTestAddress(config, to)
      const { id, code } = await storeFreshCode(db, { verificationId, strategy, to, testMode, now: clock(), ttlSeconds, resendCooldownSeconds, attach })
      // mail goes out after the commit (the dev inbox writes through its own connection); test-mode addresses are not real mailboxes: Clerk sends nothing to them either
      if (!testMode)
        await mailer.send({ to, code, ...codeMessage(config.applicationName, purpose, code, ttlSeconds) })
      return id
    },

    async check(verificationId, code) {
      if (!verificationId)
        throw new FapiError('verification_not_sent')
      const now = clock()
      const row = await db.kysely.selectFrom('verifications').selectAll().where('id', '=', verificationId).executeTakeFirst()
      if (!row)
        throw new FapiError('verification_not_sent')
      if (row.status !== 'unverified' || row.code_hash === null)
        return failWith(row.id)
      if (row.expire_at !== null && row.expire_at <= now) {
        await db.kysely.updateTable('verifications').set({ status: 'expired', updated_at: now }).where('id', '=', row.id).where('status', '=', 'unverified').execute()
        throw new FapiError('verification_expired')
      }
      const attempts = await countVerificationAttempt(db.kysely, row.id, maxAttempts, now)
      if (attempts === undefined)
        return failWith(row.id)
      if (/^\d{6}$/.test(code.trim()) && digestsEqual(row.code_hash, codeHash(row.id, code.trim())))
        return
      if (attempts >= maxAttempts) {
        await failVerification(db.kysely, row.id, now)
        throw new FapiError('verification_failed')
      }
      throw new FapiError('form_code_incorrect', { meta: { param_name: 'code' } })
    },

    async consume(trx, verificationId) {
      const now = clock()
      const result = await trx.updateTable('verifications')
        .set({ status: 'verified', verified_at: now, code_hash: null, updated_at: now })
        .where('id', '=', verificationId)
        .where('status', '=', 'unverified')
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1)
        throw new FapiError('verification_already_verified')
    },
  }
}
