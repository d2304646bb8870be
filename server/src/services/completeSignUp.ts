import type { Kysely } from 'kysely'
import type { SessionOrigin } from '../db/queries/sessions'
import type { SignUpRow } from '../db/rows'
import type { Database } from '../db/schema'
import type { Deps } from '../deps'
import { isUniqueViolation } from '../db/isUniqueViolation'
import { insertSession } from '../db/queries/sessions'
import { releaseUnverifiedClaims } from '../db/queries/users'
import { FapiError } from '../errors/fapiError'
import { newId } from '../utils/newId'
import { joinInvitedOrganizations } from './joinInvitedOrganizations'
import { storeSignUpPhone } from './signUpPhone'

/**
 * Turns a sign-up whose requirements are met into a user, its verified email address, memberships of the
 * organizations that invited that address, and a session,
 * inside the caller's transaction (RL-1). The unique indexes decide races: the loser of two sign-ups
 * for one email (or username) gets `form_identifier_exists` and its transaction rolls back.
 */
export async function completeSignUp(trx: Kysely<Database>, deps: Deps, signUp: SignUpRow, origin: SessionOrigin): Promise<string> {
  const now = deps.clock()
  const userId = newId('user')
  const emailId = newId('idn')
  try {
    await releaseUnverifiedClaims(trx, signUp.email_normalized!)
    await trx.insertInto('users').values({
      id: userId,
      username: signUp.username,
      username_normalized: signUp.username?.toLowerCase() ?? null,
      first_name: signUp.first_name,
      last_name: signUp.last_name,
      password_hash: signUp.password_hash,
      password_updated_at: signUp.password_hash ? now : null,
      primary_email_address_id: emailId,
      public_metadata: '{}',
      private_metadata: '{}',
      unsafe_metadata: signUp.unsafe_metadata,
      failed_sign_in_attempts: 0,
      locked_until: null,
      last_sign_in_at: null,
      legal_accepted_at: signUp.legal_accepted_at,
      created_at: now,
      updated_at: now,
    }).execute()
    await trx.insertInto('email_addresses').values({
      id: emailId,
      user_id: userId,
      email_address: signUp.email_address!,
      email_normalized: signUp.email_normalized!,
      verification_id: signUp.email_verification_id,
      created_at: now,
      updated_at: now,
    }).execute()
  }
  catch (error) {
    if (!isUniqueViolation(error))
      throw error
    const username = String((error as Error).message).includes('username')
    throw new FapiError('form_identifier_exists', {
      longMessage: username ? 'That username is taken. Please try another.' : 'That email address is taken. Please try another.',
      meta: { param_name: username ? 'username' : 'email_address' },
    })
  }
  await storeSignUpPhone(trx, signUp, userId, now)
  await joinInvitedOrganizations(trx, deps, userId, signUp.email_normalized!)
  const session = await insertSession(trx, deps.config, { clientId: signUp.client_id, userId, now, origin })
  await trx.updateTable('sign_ups').set({
    status: 'complete',
    created_user_id: userId,
    created_session_id: session.id,
    password_hash: signUp.password_hash === null ? null : '',
    updated_at: now,
  }).where('id', '=', signUp.id).execute()
  return session.id
}
