import type { Kysely } from 'kysely'
import type { Db } from '../db/createDb'
import type { Database } from '../db/schema'
import { randomInt } from 'node:crypto'
import { FapiError } from '../errors/fapiError'
import { newId } from '../utils/newId'
import { codeHash, TEST_MODE_CODE } from './codes'

/** What `storeFreshCode` needs: where the code goes, and how long it lives. */
export interface StoreFreshCodeInput {
  /** The verification to refresh (a resend replaces its code), or null to start one. */
  verificationId: string | null
  strategy: string
  /** The email address or phone number the code goes to. */
  to: string
  /** Test-mode targets get Clerk's fixed code and no message. */
  testMode: boolean
  now: number
  ttlSeconds: number
  resendCooldownSeconds: number
  /** Links the verification to its owner in the same transaction. */
  attach: (trx: Kysely<Database>, verificationId: string) => Promise<void>
  /** Keep the wrong-attempt count across a resend (second factors: a resend must not reset the cap). */
  keepAttempts?: boolean
  /** An expiry the code may not outlive (e.g. the sign-in challenge's own deadline). */
  expireBy?: number
}

/** A code that was stored (hashed) and is ready to be delivered. */
export interface FreshCode {
  id: string
  code: string
  expireAt: number
}

/**
 * Creates or refreshes a code verification: refuses a resend inside the cooldown, draws 6 digits from
 * a CSPRNG (or the test-mode code), stores only their hash and links the row, all in one transaction.
 * Delivery (mail or SMS) is the caller's, after the commit.
 */
export async function storeFreshCode(db: Db, input: StoreFreshCodeInput): Promise<FreshCode> {
  const { verificationId, strategy, to, testMode, now, ttlSeconds, resendCooldownSeconds, attach, keepAttempts = false, expireBy } = input
  const existing = verificationId
    ? await db.kysely.selectFrom('verifications').selectAll().where('id', '=', verificationId).executeTakeFirst()
    : undefined
  if (existing && existing.status === 'unverified' && existing.target === to && existing.strategy === strategy
    && existing.sent_at !== null && now - existing.sent_at < resendCooldownSeconds * 1000) {
    const wait = Math.ceil((existing.sent_at + resendCooldownSeconds * 1000 - now) / 1000)
    throw new FapiError('verification_code_too_many_requests', { headers: { 'Retry-After': String(wait) } })
  }
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
  return { id, code, expireAt: row.expire_at }
}
