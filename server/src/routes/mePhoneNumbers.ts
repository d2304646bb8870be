import type { Context } from 'hono'
import type { AppEnv } from '../appEnv'
import type { SecondFactorGraph } from '../db/queries/secondFactorGraphs'
import type { Deps } from '../deps'
import { Hono } from 'hono'
import { isUniqueViolation } from '../db/isUniqueViolation'
import { phoneTaken, releaseUnverifiedPhoneClaims } from '../db/queries/phoneNumbers'
import { emptySecondFactorGraph } from '../db/queries/secondFactorGraphs'
import { loadVerifications } from '../db/queries/userGraphs'
import { FapiError, missingParam, notFound } from '../errors/fapiError'
import { wrapped } from '../http/respond'
import { serializePhoneNumber } from '../serialize/phoneNumber'
import { normalizePhoneNumber } from '../services/phoneNumbers'
import { afterSecondFactorRemoved, ensureBackupCodes } from '../services/secondFactorChanges'
import { isPhoneVerified } from '../services/secondFactorState'
import { booleanField, field, textField } from '../utils/formBody'
import { newId } from '../utils/newId'
import { me } from './me/meSupport'

type Phone = SecondFactorGraph['phones'][number]

/**
 * `/v1/me/phone_numbers` (fapi.md 2.5): add a number (E.164, unverified), verify it by SMS code, reserve
 * it for second factor or make it the default one (`PATCH`), read it, remove it.
 */
export function mePhoneNumberRoutes(deps: Deps): Hono<AppEnv> {
  const { db, clock, config, codes, phoneCodes } = deps

  function assertEnabled(): void {
    if (!config.phoneNumbers.enabled)
      throw new FapiError('resource_forbidden', { longMessage: 'Phone numbers are not enabled on this application.' })
  }

  async function own(c: Context<AppEnv>): Promise<{ phone: Phone, factors: SecondFactorGraph, userId: string }> {
    assertEnabled()
    const { graph } = await me(c, deps)
    const factors = graph.secondFactors ?? emptySecondFactorGraph()
    const phone = factors.phones.find(candidate => candidate.row.id === c.req.param('id'))
    if (!phone)
      throw notFound()
    return { phone, factors, userId: graph.user.id }
  }

  async function respond(c: Context<AppEnv>, id: string, backupCodes?: string[]): Promise<Response> {
    const row = await db.kysely.selectFrom('phone_numbers').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const verification = row.verification_id ? (await loadVerifications(db.kysely, [row.verification_id])).get(row.verification_id) ?? null : null
    return wrapped(c, deps, serializePhoneNumber(row, verification, clock(), backupCodes))
  }

  return new Hono<AppEnv>()
    .post('/me/phone_numbers', async (c) => {
      assertEnabled()
      const { graph } = await me(c, deps)
      const input = field(c.get('form'), 'phone_number')
      if (input === undefined)
        throw missingParam('phone_number')
      const e164 = normalizePhoneNumber(input, config)
      const factors = graph.secondFactors ?? emptySecondFactorGraph()
      const taken = () => new FapiError('form_identifier_exists', { longMessage: 'That phone number is taken. Please try another.', meta: { param_name: 'phone_number' } })
      if (factors.phones.some(phone => phone.row.phone_number === e164) || await phoneTaken(db.kysely, e164))
        throw taken()
      if (factors.phones.length >= config.phoneNumbers.maxPerUser)
        throw new FapiError('form_param_value_invalid', { longMessage: 'You have reached the maximum number of phone numbers.', meta: { param_name: 'phone_number' } })
      const id = newId('idn')
      const now = clock()
      try {
        await db.kysely.transaction().execute(async (trx) => {
          await releaseUnverifiedPhoneClaims(trx, e164)
          await trx.insertInto('phone_numbers').values({ id, user_id: graph.user.id, phone_number: e164, verification_id: null, reserved_for_second_factor_at: null, default_second_factor_at: null, created_at: now, updated_at: now }).execute()
        })
      }
      catch (error) {
        throw isUniqueViolation(error) ? taken() : error
      }
      return respond(c, id)
    })

    .get('/me/phone_numbers/:id', async c => respond(c, (await own(c)).phone.row.id))

    .patch('/me/phone_numbers/:id', async (c) => {
      const { phone, factors, userId } = await own(c)
      const form = c.get('form')
      const reserve = field(form, 'reserved_for_second_factor') === undefined ? undefined : booleanField(form, 'reserved_for_second_factor')
      const makeDefault = booleanField(form, 'default_second_factor')
      if (reserve === undefined && !makeDefault)
        return respond(c, phone.row.id)
      if (!config.secondFactors.phoneCode)
        throw new FapiError('resource_forbidden', { longMessage: 'SMS codes are not enabled as a second factor on this application.' })
      if (!isPhoneVerified(phone))
        throw new FapiError('form_param_value_invalid', { longMessage: 'Verify this phone number before using it as a second factor.', meta: { param_name: reserve === undefined ? 'default_second_factor' : 'reserved_for_second_factor' } })
      const reserved = reserve ?? phone.row.reserved_for_second_factor_at !== null
      if (makeDefault && !reserved)
        throw new FapiError('form_param_value_invalid', { longMessage: 'Only a number reserved for second factor can be the default one.', meta: { param_name: 'default_second_factor' } })
      const now = clock()
      const others = factors.phones.filter(other => other.row.id !== phone.row.id && isPhoneVerified(other) && other.row.reserved_for_second_factor_at !== null)
      const hadDefault = others.some(other => other.row.default_second_factor_at !== null)
      const becomesDefault = reserved && (makeDefault || phone.row.default_second_factor_at !== null || !hadDefault)
      await db.kysely.transaction().execute(async (trx) => {
        if (becomesDefault && phone.row.default_second_factor_at === null)
          await trx.updateTable('phone_numbers').set({ default_second_factor_at: null, updated_at: now }).where('user_id', '=', userId).where('id', '!=', phone.row.id).where('default_second_factor_at', 'is not', null).execute()
        await trx.updateTable('phone_numbers').set({
          reserved_for_second_factor_at: reserved ? phone.row.reserved_for_second_factor_at ?? now : null,
          default_second_factor_at: becomesDefault ? phone.row.default_second_factor_at ?? now : null,
          updated_at: now,
        }).where('id', '=', phone.row.id).execute()
        // the default moves to the oldest remaining reserved number when this one stops being it
        if (!becomesDefault && phone.row.default_second_factor_at !== null && others[0])
          await trx.updateTable('phone_numbers').set({ default_second_factor_at: now, updated_at: now }).where('id', '=', others[0].row.id).execute()
      })
      if (!reserved) {
        await afterSecondFactorRemoved(deps, userId)
        return respond(c, phone.row.id)
      }
      const firstReservation = phone.row.reserved_for_second_factor_at === null
      return respond(c, phone.row.id, firstReservation ? await ensureBackupCodes(deps, userId) : undefined)
    })

    .delete('/me/phone_numbers/:id', async (c) => {
      const { phone, factors, userId } = await own(c)
      if (config.phoneNumbers.signUp === 'required' && isPhoneVerified(phone) && factors.phones.filter(isPhoneVerified).length === 1)
        throw new FapiError('resource_forbidden', { longMessage: 'This application requires a phone number: add and verify another one first.' })
      await db.kysely.transaction().execute(async (trx) => {
        await trx.deleteFrom('phone_numbers').where('id', '=', phone.row.id).execute()
        // the default second factor moves to the oldest remaining reserved number
        const next = factors.phones.find(other => other.row.id !== phone.row.id && isPhoneVerified(other) && other.row.reserved_for_second_factor_at !== null)
        if (phone.row.default_second_factor_at !== null && next)
          await trx.updateTable('phone_numbers').set({ default_second_factor_at: clock() }).where('id', '=', next.row.id).execute()
      })
      await afterSecondFactorRemoved(deps, userId)
      return wrapped(c, deps, { object: 'phone_number', id: phone.row.id, deleted: true })
    })

    .post('/me/phone_numbers/:id/prepare_verification', async (c) => {
      const { phone } = await own(c)
      const strategy = textField(c.get('form'), 'strategy') ?? 'phone_code'
      if (strategy !== 'phone_code')
        throw new FapiError('verification_strategy_invalid', { meta: { param_name: 'strategy' } })
      if (isPhoneVerified(phone))
        throw new FapiError('verification_already_verified')
      await phoneCodes.send({
        verificationId: phone.row.verification_id,
        strategy,
        to: phone.row.phone_number,
        purpose: 'verify_phone',
        attach: (trx, verificationId) => trx.updateTable('phone_numbers').set({ verification_id: verificationId, updated_at: clock() }).where('id', '=', phone.row.id).execute().then(() => {}),
      })
      return respond(c, phone.row.id)
    })

    .post('/me/phone_numbers/:id/attempt_verification', async (c) => {
      const { phone } = await own(c)
      const code = field(c.get('form'), 'code')
      if (!code)
        throw missingParam('code')
      await codes.check(phone.row.verification_id, code)
      await db.kysely.transaction().execute(async (trx) => {
        await codes.consume(trx, phone.row.verification_id!)
        await trx.updateTable('phone_numbers').set({ updated_at: clock() }).where('id', '=', phone.row.id).execute()
      })
      return respond(c, phone.row.id)
    })
}
