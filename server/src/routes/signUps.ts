import type { Context } from 'hono'
import type { AppEnv } from '../appEnv'
import type { SignUpRow } from '../db/rows'
import type { Deps } from '../deps'
import { Hono } from 'hono'
import { activeSessionsOfClient } from '../db/queries/sessions'
import { FapiError, missingParam, notFound } from '../errors/fapiError'
import { ensureClient, loadClient, rotateClientSecret } from '../http/clients'
import { requestOrigin } from '../http/requestOrigin'
import { wrapped } from '../http/respond'
import { serializeSignUp } from '../serialize/signUp'
import { completeSignUp } from '../services/completeSignUp'
import { signUpRequirements } from '../services/signUpFields'
import { readSignUpParams } from '../services/signUpParams'
import { loadSignUpPhoneVerification, sendSignUpPhoneCode } from '../services/signUpPhone'
import { readSignUpTicket } from '../services/signUpTicket'
import { field, textField } from '../utils/formBody'
import { newId } from '../utils/newId'

const SIGN_UP_LIFETIME_MS = 24 * 3600 * 1000

/**
 * Sign-ups (fapi.md 2.3): create, get, update, and email (and phone) verification by code. A sign-up
 * completes, creating the user and a session in one transaction, once no required field is missing and
 * the email address (and the phone number, when given) is verified. An invitation's ticket
 * (`strategy=ticket`) supplies the address already verified.
 */
export function signUpRoutes(deps: Deps): Hono<AppEnv> {
  const { db, config, clock, codes } = deps

  async function findOwn(c: Context<AppEnv>): Promise<SignUpRow> {
    const client = await loadClient(c, deps)
    const row = client && await db.kysely.selectFrom('sign_ups').selectAll().where('id', '=', c.req.param('id')!).where('client_id', '=', client.id).executeTakeFirst()
    if (!row)
      throw notFound()
    return row
  }

  async function verificationOf(row: SignUpRow) {
    return row.email_verification_id
      ? await db.kysely.selectFrom('verifications').selectAll().where('id', '=', row.email_verification_id).executeTakeFirst() ?? null
      : null
  }

  async function respond(c: Context<AppEnv>, id: string): Promise<Response> {
    const row = await db.kysely.selectFrom('sign_ups').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    return wrapped(c, deps, serializeSignUp(row, await verificationOf(row), config, clock(), await loadSignUpPhoneVerification(db.kysely, row)))
  }

  /** Completes the sign-up when nothing is missing any more; a race lost on the email surfaces here. */
  async function completeIfReady(c: Context<AppEnv>, id: string, consumeVerification?: string): Promise<void> {
    const createdSession = await db.kysely.transaction().execute(async (trx) => {
      if (consumeVerification)
        await codes.consume(trx, consumeVerification)
      const row = await trx.selectFrom('sign_ups').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      const verification = row.email_verification_id
        ? await trx.selectFrom('verifications').selectAll().where('id', '=', row.email_verification_id).executeTakeFirst() ?? null
        : null
      const { missing, unverified } = signUpRequirements(config, row, verification, await loadSignUpPhoneVerification(trx, row))
      if (row.status !== 'missing_requirements' || missing.length > 0 || unverified.length > 0)
        return null
      return completeSignUp(trx, deps, row, requestOrigin(c, config))
    })
    if (createdSession) {
      const client = await loadClient(c, deps)
      if (client)
        await rotateClientSecret(c, deps, client)
    }
  }

  function assertOpen(row: SignUpRow): void {
    if (row.status !== 'missing_requirements')
      throw new FapiError('client_state_invalid', { longMessage: 'This sign-up is already complete.' })
  }

  return new Hono<AppEnv>()
    .post('/client/sign_ups', async (c) => {
      const client = await ensureClient(c, deps)
      const now = clock()
      if (config.sessionMode === 'single' && (await activeSessionsOfClient(db.kysely, client.id, now)).length > 0)
        throw new FapiError('session_exists')
      const ticket = await readSignUpTicket(deps, c.get('form'))
      const changes = { ...await readSignUpParams(deps, c.get('form'), null), ...ticket?.changes }
      const id = newId('sua')
      await db.kysely.transaction().execute(async (trx) => {
        await ticket?.store(trx)
        await trx.insertInto('sign_ups').values({
          id,
          client_id: client.id,
          status: 'missing_requirements',
          email_address: null,
          email_normalized: null,
          username: null,
          first_name: null,
          last_name: null,
          password_hash: null,
          unsafe_metadata: '{}',
          legal_accepted_at: null,
          locale: null,
          email_verification_id: null,
          created_user_id: null,
          created_session_id: null,
          abandon_at: now + SIGN_UP_LIFETIME_MS,
          created_at: now,
          updated_at: now,
          ...changes,
        }).execute()
        await trx.updateTable('clients').set({ sign_up_id: id, updated_at: now }).where('id', '=', client.id).execute()
      })
      // a ticket verified the address: with every required field given, the sign-up is done at once
      if (ticket)
        await completeIfReady(c, id)
      return respond(c, id)
    })

    .get('/client/sign_ups/:id', async c => respond(c, (await findOwn(c)).id))

    .patch('/client/sign_ups/:id', async (c) => {
      const row = await findOwn(c)
      assertOpen(row)
      const ticket = await readSignUpTicket(deps, c.get('form'))
      const changes = { ...await readSignUpParams(deps, c.get('form'), row), ...ticket?.changes }
      await db.kysely.transaction().execute(async (trx) => {
        await ticket?.store(trx)
        await trx.updateTable('sign_ups').set({ ...changes, updated_at: clock() }).where('id', '=', row.id).execute()
      })
      await completeIfReady(c, row.id)
      return respond(c, row.id)
    })

    .post('/client/sign_ups/:id/prepare_verification', async (c) => {
      const row = await findOwn(c)
      assertOpen(row)
      const strategy = textField(c.get('form'), 'strategy') ?? 'email_code'
      if (strategy === 'phone_code') {
        await sendSignUpPhoneCode(deps, row)
        return respond(c, row.id)
      }
      if (strategy !== 'email_code' || row.email_address === null)
        throw new FapiError('verification_strategy_invalid', { meta: { param_name: 'strategy' } })
      if ((await verificationOf(row))?.status === 'verified')
        throw new FapiError('verification_already_verified')
      await codes.send({
        verificationId: row.email_verification_id,
        strategy,
        to: row.email_address,
        purpose: 'verify_email',
        attach: (trx, verificationId) => trx.updateTable('sign_ups').set({ email_verification_id: verificationId, updated_at: clock() }).where('id', '=', row.id).execute().then(() => {}),
      })
      return respond(c, row.id)
    })

    .post('/client/sign_ups/:id/attempt_verification', async (c) => {
      const row = await findOwn(c)
      const form = c.get('form')
      const strategy = textField(form, 'strategy') ?? 'email_code'
      if (strategy !== 'email_code' && strategy !== 'phone_code')
        throw new FapiError('verification_strategy_invalid', { meta: { param_name: 'strategy' } })
      const code = field(form, 'code')
      if (!code)
        throw missingParam('code')
      const verificationId = strategy === 'phone_code' ? row.phone_verification_id : row.email_verification_id
      await codes.check(verificationId, code)
      await completeIfReady(c, row.id, verificationId!)
      return respond(c, row.id)
    })
}
