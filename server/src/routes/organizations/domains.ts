import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { OrganizationDomainRow } from '../../db/organizationRows'
import type { Deps } from '../../deps'
import type { OrganizationAccess } from '../../services/organizationAccess'
import { Hono } from 'hono'
import { isUniqueViolation } from '../../db/isUniqueViolation'
import { loadUserGraph } from '../../db/queries/userGraphs'
import { FapiError, missingParam, notFound } from '../../errors/fapiError'
import { wrapped } from '../../http/respond'
import { changeEnrollmentMode } from '../../services/changeEnrollmentMode'
import { normalizeEmail } from '../../services/emails'
import { organizationAccessWith } from '../../services/organizationAccess'
import { domainsJSON, emailOnDomain, parseDomainName } from '../../services/organizationDomains'
import { pageRequest } from '../../services/organizationParams'
import { booleanField, field, textField } from '../../utils/formBody'
import { newId } from '../../utils/newId'

/**
 * `/v1/organizations/:id/domains` (fapi.md 2.6): list and read (`org:sys_domains:read`); add, remove,
 * verify through an email code sent to an address on the domain, and change the enrollment mode
 * (`org:sys_domains:manage`). A domain added by an admin who already holds a verified address on it is
 * verified at once. Only verified domains invite or suggest; changing the mode keeps or withdraws the
 * invitations the domain handed out (`delete_pending`, see changeEnrollmentMode).
 */
export function domainRoutes(deps: Deps): Hono<AppEnv> {
  const { db, config, clock, codes } = deps
  const modes = config.organizations.domains.enrollmentModes

  async function access(c: Context<AppEnv>, permission: string): Promise<OrganizationAccess> {
    const granted = await organizationAccessWith(c, deps, c.req.param('id')!, permission)
    if (!config.organizations.domains.enabled)
      throw new FapiError('resource_forbidden', { longMessage: 'Verified domains are not enabled for this instance.' })
    return granted
  }

  async function own(c: Context<AppEnv>, permission: string): Promise<{ granted: OrganizationAccess, row: OrganizationDomainRow }> {
    const granted = await access(c, permission)
    const row = await db.kysely.selectFrom('organization_domains').selectAll().where('id', '=', c.req.param('domainId')!).where('organization_id', '=', granted.organization.id).executeTakeFirst()
    if (!row)
      throw notFound()
    return { granted, row }
  }

  function enrollmentMode(value: string | undefined, fallback?: string): string {
    const mode = value ?? fallback
    if (mode === undefined)
      throw missingParam('enrollment_mode')
    if (!(modes as readonly string[]).includes(mode))
      throw new FapiError('form_param_value_invalid', { meta: { param_name: 'enrollment_mode' } })
    return mode
  }

  async function respond(c: Context<AppEnv>, id: string): Promise<Response> {
    const row = await db.kysely.selectFrom('organization_domains').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    return wrapped(c, deps, (await domainsJSON(deps, [row]))[0])
  }

  return new Hono<AppEnv>()
    .get('/organizations/:id/domains', async (c) => {
      const granted = await access(c, 'org:sys_domains:read')
      const { limit, offset } = pageRequest(c)
      let query = db.kysely.selectFrom('organization_domains').where('organization_id', '=', granted.organization.id)
      const mode = c.req.query('enrollment_mode')
      if (mode)
        query = query.where('enrollment_mode', '=', mode)
      const total = await query.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirst()
      const rows = await query.selectAll().orderBy('created_at').orderBy('id').limit(limit).offset(offset).execute()
      return wrapped(c, deps, { data: await domainsJSON(deps, rows), total_count: Number(total?.n ?? 0) })
    })

    .post('/organizations/:id/domains', async (c) => {
      const granted = await access(c, 'org:sys_domains:manage')
      const form = c.get('form')
      const name = parseDomainName(field(form, 'name'))
      const mode = enrollmentMode(textField(form, 'enrollment_mode'), 'manual_invitation')
      const now = clock()
      const admin = await loadUserGraph(db.kysely, granted.session.user_id)
      const proof = admin?.emails.find(email => email.verification?.status === 'verified' && emailOnDomain(email.row.email_normalized, name))
      const id = newId('dmn')
      try {
        await db.kysely.transaction().execute(async (trx) => {
          let verificationId: string | null = null
          if (proof) {
            verificationId = newId('ver')
            await trx.insertInto('verifications').values({ id: verificationId, strategy: 'email_code', status: 'verified', code_hash: null, attempts: 0, expire_at: null, sent_at: null, verified_at: now, target: proof.row.email_address, created_at: now, updated_at: now }).execute()
          }
          await trx.insertInto('organization_domains').values({
            id,
            organization_id: granted.organization.id,
            name,
            enrollment_mode: mode,
            affiliation_email_address: proof?.row.email_address ?? null,
            affiliation_verification_id: verificationId,
            created_at: now,
            updated_at: now,
          }).execute()
        })
      }
      catch (error) {
        throw isUniqueViolation(error) ? new FapiError('organization_domain_already_exists', { meta: { param_name: 'name' } }) : error
      }
      return respond(c, id)
    })

    .get('/organizations/:id/domains/:domainId', async c => respond(c, (await own(c, 'org:sys_domains:read')).row.id))

    .delete('/organizations/:id/domains/:domainId', async (c) => {
      const { row } = await own(c, 'org:sys_domains:manage')
      await db.kysely.transaction().execute(async (trx) => {
        await trx.deleteFrom('organization_domains').where('id', '=', row.id).execute()
        if (row.affiliation_verification_id)
          await trx.deleteFrom('verifications').where('id', '=', row.affiliation_verification_id).execute()
      })
      return wrapped(c, deps, { object: 'organization_domain', id: row.id, deleted: true })
    })

    .post('/organizations/:id/domains/:domainId/prepare_affiliation_verification', async (c) => {
      const { row } = await own(c, 'org:sys_domains:manage')
      const input = field(c.get('form'), 'affiliation_email_address')
      if (input === undefined)
        throw missingParam('affiliation_email_address')
      const { address, normalized } = normalizeEmail(input, 'affiliation_email_address')
      if (!emailOnDomain(normalized, row.name))
        throw new FapiError('organization_domain_mismatch', { meta: { param_name: 'affiliation_email_address' } })
      const current = row.affiliation_verification_id
        ? await db.kysely.selectFrom('verifications').select('status').where('id', '=', row.affiliation_verification_id).executeTakeFirst()
        : undefined
      if (current?.status === 'verified')
        throw new FapiError('verification_already_verified')
      await codes.send({
        verificationId: row.affiliation_verification_id,
        strategy: 'email_code',
        to: address,
        purpose: 'verify_email',
        attach: async (trx, verificationId) => {
          await trx.updateTable('organization_domains').set({ affiliation_verification_id: verificationId, affiliation_email_address: address, updated_at: clock() }).where('id', '=', row.id).execute()
        },
      })
      return respond(c, row.id)
    })

    .post('/organizations/:id/domains/:domainId/attempt_affiliation_verification', async (c) => {
      const { row } = await own(c, 'org:sys_domains:manage')
      const code = field(c.get('form'), 'code')
      if (!code)
        throw missingParam('code')
      await codes.check(row.affiliation_verification_id, code)
      await db.kysely.transaction().execute(async (trx) => {
        await codes.consume(trx, row.affiliation_verification_id!)
        await trx.updateTable('organization_domains').set({ updated_at: clock() }).where('id', '=', row.id).execute()
      })
      return respond(c, row.id)
    })

    .post('/organizations/:id/domains/:domainId/update_enrollment_mode', async (c) => {
      const { row } = await own(c, 'org:sys_domains:manage')
      const form = c.get('form')
      const mode = enrollmentMode(textField(form, 'enrollment_mode'))
      await changeEnrollmentMode(deps, row, mode, booleanField(form, 'delete_pending'))
      return respond(c, row.id)
    })
}
