import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { preparedInsert } from '../../db/preparedInsert'
import { activeSessionsOfClient } from '../../db/queries/sessions'
import { FapiError, missingParam } from '../../errors/fapiError'
import { ensureClient } from '../../http/clients'
import { findUserForIdentifier } from '../../services/identifier'
import { checkPassword } from '../../services/passwordCheck'
import { field, textField } from '../../utils/formBody'
import { newId } from '../../utils/newId'
import { passFirstFactor } from './passFirstFactor'
import { afterSessionCreated, respondSignIn, SIGN_IN_LIFETIME_MS } from './signInSupport'
import { createTicketSignIn } from './ticketSignIn'

const insertSignIn = preparedInsert('sign_ins', ['id', 'client_id', 'status', 'identifier', 'user_id', 'first_factor_verification_id', 'created_session_id', 'abandon_at', 'created_at', 'updated_at'])

const SUPPORTED_STRATEGIES = new Set(['password', 'email_code', 'reset_password_email_code', 'ticket'])

/**
 * `POST /v1/client/sign_ins`. With an identifier alone the sign-in waits for a first factor; with a
 * password too it completes at once (one argon2id hash), or waits for the second factor of a user who has one. Single-session mode refuses a second sign-in
 * (`session_exists`); multi-session mode refuses one for an account already signed in here
 * (`identifier_already_signed_in`, with its session in `meta.session_id`). A `ticket` sign-in checks
 * its ticket first (see createTicketSignIn: the invitee may be the one signed in).
 */
export async function createSignIn(c: Context<AppEnv>, deps: Deps): Promise<Response> {
  const { db, config, clock, passwords } = deps
  const form = c.get('form')
  const client = await ensureClient(c, deps)
  const now = clock()
  // a client made by this request has no sessions yet
  const active = c.get('clientCreated') ? [] : await activeSessionsOfClient(db.kysely, client.id, now)
  const strategy = textField(form, 'strategy')
  if (strategy && !SUPPORTED_STRATEGIES.has(strategy))
    throw new FapiError('form_param_value_invalid', { meta: { param_name: 'strategy' } })
  // a ticket may name the account signed in here: that one is accepted, whatever the session mode
  if (strategy === 'ticket')
    return createTicketSignIn(c, deps, client.id, active)
  if (config.sessionMode === 'single' && active.length > 0)
    throw new FapiError('session_exists')
  const identifier = textField(form, 'identifier')
  const password = field(form, 'password')
  if (strategy === 'password' && password === undefined)
    throw missingParam('password')
  if (!identifier && password !== undefined)
    throw missingParam('identifier')

  const user = identifier ? await findUserForIdentifier(deps, identifier) : undefined
  if (identifier && !user) {
    // same work as for a real account, so timing does not tell which identifiers exist
    if (password !== undefined)
      await passwords.verify(null, password)
    throw new FapiError('form_identifier_not_found', { meta: { param_name: 'identifier' } })
  }
  const signedIn = user && active.find(session => session.user_id === user.id)
  if (signedIn)
    throw new FapiError('identifier_already_signed_in', { meta: { session_id: signedIn.id } })
  const secondFactors = user && password !== undefined ? await checkPassword(deps, user, password) : undefined

  const id = newId('sia')
  const row = {
    id,
    client_id: client.id,
    status: user ? 'needs_first_factor' : 'needs_identifier',
    identifier: identifier ?? null,
    user_id: user?.id ?? null,
    first_factor_verification_id: null,
    created_session_id: null,
    abandon_at: now + SIGN_IN_LIFETIME_MS,
    created_at: now,
    updated_at: now,
  }
  const created = await db.kysely.transaction().execute(async (trx) => {
    await insertSignIn(trx, row)
    // a sign-in that completes here names itself on the client with the session's update
    if (user && password !== undefined && await passFirstFactor(trx, c, deps, row, user.id, 'password', { secondFactors, clientChanges: { sign_in_id: id } }))
      return true
    await trx.updateTable('clients').set({ sign_in_id: id, updated_at: now }).where('id', '=', client.id).execute()
    return false
  })
  if (created)
    await afterSessionCreated(c, deps)
  return respondSignIn(c, deps, id)
}
