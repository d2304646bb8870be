import type { Kysely } from 'kysely'
import type { SignUpRow, VerificationRow } from '../db/rows'
import type { Database } from '../db/schema'
import type { Deps } from '../deps'
import { isUniqueViolation } from '../db/isUniqueViolation'
import { phoneTaken, releaseUnverifiedPhoneClaims } from '../db/queries/phoneNumbers'
import { FapiError } from '../errors/fapiError'
import { newId } from '../utils/newId'
import { normalizePhoneNumber } from './phoneNumbers'

/** The sign-up columns a phone number changes. */
export type SignUpPhoneChanges = Partial<Pick<SignUpRow, 'phone_number' | 'phone_verification_id'>>

function taken(): FapiError {
  return new FapiError('form_identifier_exists', { longMessage: 'That phone number is taken. Please try another.', meta: { param_name: 'phone_number' } })
}

/**
 * Reads a sign-up's `phone_number` (fapi.md 2.3) when phone numbers are on: E.164, not held verified by
 * anyone. A new number needs its own verification. Off: the field is ignored, like other unknown fields.
 */
export async function readSignUpPhone(deps: Deps, input: string | undefined, current: SignUpRow | null): Promise<SignUpPhoneChanges> {
  if (input === undefined || !deps.config.phoneNumbers.enabled)
    return {}
  const e164 = normalizePhoneNumber(input, deps.config)
  if (await phoneTaken(deps.db.kysely, e164))
    throw taken()
  return e164 === current?.phone_number ? {} : { phone_number: e164, phone_verification_id: null }
}

/** The verification of a sign-up's phone number, if one was prepared. */
export async function loadSignUpPhoneVerification(db: Kysely<Database>, row: Pick<SignUpRow, 'phone_verification_id'>): Promise<VerificationRow | null> {
  return row.phone_verification_id
    ? await db.selectFrom('verifications').selectAll().where('id', '=', row.phone_verification_id).executeTakeFirst() ?? null
    : null
}

/** `prepare_verification` with `phone_code`: texts a code to the sign-up's number (resends replace it). */
export async function sendSignUpPhoneCode(deps: Deps, row: SignUpRow): Promise<void> {
  if (row.phone_number === null || !deps.config.phoneNumbers.enabled)
    throw new FapiError('verification_strategy_invalid', { meta: { param_name: 'strategy' } })
  if ((await loadSignUpPhoneVerification(deps.db.kysely, row))?.status === 'verified')
    throw new FapiError('verification_already_verified')
  await deps.phoneCodes.send({
    verificationId: row.phone_verification_id,
    strategy: 'phone_code',
    to: row.phone_number,
    purpose: 'verify_phone',
    attach: (trx, verificationId) => trx.updateTable('sign_ups').set({ phone_verification_id: verificationId, updated_at: deps.clock() }).where('id', '=', row.id).execute().then(() => {}),
  })
}

/**
 * Gives the new user the sign-up's verified phone number, inside the completion transaction. The unique
 * index decides a race for the number: the loser gets `form_identifier_exists` and rolls back.
 */
export async function storeSignUpPhone(trx: Kysely<Database>, signUp: SignUpRow, userId: string, now: number): Promise<void> {
  if (signUp.phone_number === null)
    return
  try {
    await releaseUnverifiedPhoneClaims(trx, signUp.phone_number)
    await trx.insertInto('phone_numbers').values({
      id: newId('idn'),
      user_id: userId,
      phone_number: signUp.phone_number,
      verification_id: signUp.phone_verification_id,
      reserved_for_second_factor_at: null,
      default_second_factor_at: null,
      created_at: now,
      updated_at: now,
    }).execute()
  }
  catch (error) {
    throw isUniqueViolation(error) ? taken() : error
  }
}
