import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { EmailAddressRow } from '../../db/rows'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { isUniqueViolation } from '../../db/isUniqueViolation'
import { loadVerifications } from '../../db/queries/userGraphs'
import { emailTaken, releaseUnverifiedClaims } from '../../db/queries/users'
import { FapiError, missingParam, notFound } from '../../errors/fapiError'
import { wrapped } from '../../http/respond'
import { serializeEmailAddress } from '../../serialize/emailAddress'
import { normalizeEmail } from '../../services/emails'
import { field, textField } from '../../utils/formBody'
import { newId } from '../../utils/newId'
import { me } from './meSupport'

const MAX_EMAILS_PER_USER = 20

/**
 * `/v1/me/email_addresses` (fapi.md 2.5): add an address (unverified), read it, delete it (not the
 * primary one), and verify it with an emailed code.
 */
export function emailAddressRoutes(deps: Deps): Hono<AppEnv> {
  const { db, clock, codes } = deps

  async function own(c: Context<AppEnv>): Promise<{ row: EmailAddressRow, userId: string, primaryId: string | null }> {
    const { graph } = await me(c, deps)
    const email = graph.emails.find(candidate => candidate.row.id === c.req.param('id'))
    if (!email)
      throw notFound()
    return { row: email.row, userId: graph.user.id, primaryId: graph.user.primary_email_address_id }
  }

  async function respond(c: Context<AppEnv>, id: string): Promise<Response> {
    const row = await db.kysely.selectFrom('email_addresses').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const verification = row.verification_id ? (await loadVerifications(db.kysely, [row.verification_id])).get(row.verification_id) ?? null : null
    return wrapped(c, deps, serializeEmailAddress(row, verification, clock()))
  }

  return new Hono<AppEnv>()
    .post('/me/email_addresses', async (c) => {
      const { graph } = await me(c, deps)
      const input = field(c.get('form'), 'email_address')
      if (input === undefined)
        throw missingParam('email_address')
      const { address, normalized } = normalizeEmail(input)
      const taken = () => new FapiError('form_identifier_exists', { longMessage: 'That email address is taken. Please try another.', meta: { param_name: 'email_address' } })
      if (graph.emails.some(email => email.row.email_normalized === normalized) || await emailTaken(db.kysely, normalized))
        throw taken()
      if (graph.emails.length >= MAX_EMAILS_PER_USER)
        throw new FapiError('form_param_value_invalid', { longMessage: 'You have reached the maximum number of email addresses.', meta: { param_name: 'email_address' } })
      const id = newId('idn')
      const now = clock()
      try {
        await db.kysely.transaction().execute(async (trx) => {
          await releaseUnverifiedClaims(trx, normalized)
          await trx.insertInto('email_addresses').values({ id, user_id: graph.user.id, email_address: address, email_normalized: normalized, verification_id: null, created_at: now, updated_at: now }).execute()
        })
      }
      catch (error) {
        throw isUniqueViolation(error) ? taken() : error
      }
      return respond(c, id)
    })

    .get('/me/email_addresses/:id', async c => respond(c, (await own(c)).row.id))

    .delete('/me/email_addresses/:id', async (c) => {
      const { row, primaryId } = await own(c)
      if (row.id === primaryId)
        throw new FapiError('resource_forbidden', { longMessage: 'The primary email address cannot be removed: make another address primary first.' })
      await db.kysely.deleteFrom('email_addresses').where('id', '=', row.id).execute()
      return wrapped(c, deps, { object: 'email_address', id: row.id, deleted: true })
    })

    .post('/me/email_addresses/:id/prepare_verification', async (c) => {
      const { row } = await own(c)
      const strategy = textField(c.get('form'), 'strategy') ?? 'email_code'
      if (strategy !== 'email_code')
        throw new FapiError('verification_strategy_invalid', { meta: { param_name: 'strategy' } })
      const current = row.verification_id ? (await loadVerifications(db.kysely, [row.verification_id])).get(row.verification_id) : undefined
      if (current?.status === 'verified')
        throw new FapiError('verification_already_verified')
      await codes.send({
        verificationId: row.verification_id,
        strategy,
        to: row.email_address,
        purpose: 'verify_email',
        attach: (trx, verificationId) => trx.updateTable('email_addresses').set({ verification_id: verificationId, updated_at: clock() }).where('id', '=', row.id).execute().then(() => {}),
      })
      return respond(c, row.id)
    })

    .post('/me/email_addresses/:id/attempt_verification', async (c) => {
      const { row } = await own(c)
      const code = field(c.get('form'), 'code')
      if (!code)
        throw missingParam('code')
      await codes.check(row.verification_id, code)
      await db.kysely.transaction().execute(async (trx) => {
        await codes.consume(trx, row.verification_id!)
        await trx.updateTable('email_addresses').set({ updated_at: clock() }).where('id', '=', row.id).execute()
      })
      return respond(c, row.id)
    })
}
