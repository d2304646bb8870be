import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { isUniqueViolation } from '../../db/isUniqueViolation'
import { lockUser } from '../../db/queries/organizations'
import { FapiError } from '../../errors/fapiError'
import { actingSession } from '../../http/actingSession'
import { wrapped } from '../../http/respond'
import { serializeOrganization } from '../../serialize/organization'
import { assertOrganizationsEnabled, organizationAccess, organizationAccessWith } from '../../services/organizationAccess'
import { insertMembership } from '../../services/organizationMembers'
import { parseOrganizationName, parseSlug, slugFromName, slugTaken } from '../../services/organizationParams'
import { field } from '../../utils/formBody'
import { newId } from '../../utils/newId'
import { currentOrganization } from './organizationSupport'

/**
 * `/v1/organizations[/:id]` (fapi.md 2.6): create (the creator becomes a member with the creator role),
 * read (any member), update name and slug (`org:sys_profile:manage`), delete (`org:sys_profile:delete`,
 * when the instance allows admins to delete).
 */
export function organizationCrudRoutes(deps: Deps): Hono<AppEnv> {
  const { db, config, clock } = deps

  async function respond(c: Context<AppEnv>, organizationId: string): Promise<Response> {
    return wrapped(c, deps, serializeOrganization(await currentOrganization(deps, organizationId), config))
  }

  async function create(userId: string, name: string, slug: string): Promise<string> {
    const id = newId('org')
    const now = clock()
    await db.kysely.transaction().execute(async (trx) => {
      // one creation at a time per user, so the creation limit holds under concurrent requests
      await lockUser(trx, db.dialect, userId)
      const limit = config.organizations.creationLimit
      if (limit > 0) {
        const created = await trx.selectFrom('organizations').select(eb => eb.fn.countAll<number>().as('n')).where('created_by', '=', userId).executeTakeFirst()
        if (Number(created?.n ?? 0) >= limit)
          throw new FapiError('organization_quota_exceeded')
      }
      await trx.insertInto('organizations').values({ id, name, slug, public_metadata: '{}', private_metadata: '{}', created_by: userId, created_at: now, updated_at: now }).execute()
      await insertMembership(trx, deps, { organizationId: id, userId, role: config.organizations.creatorRole })
    })
    return id
  }

  return new Hono<AppEnv>()
    .post('/organizations', async (c) => {
      assertOrganizationsEnabled(config)
      const { session } = await actingSession(c, deps)
      if (!config.organizations.allowCreation)
        throw new FapiError('user_create_organization_not_enabled')
      const form = c.get('form')
      const name = parseOrganizationName(field(form, 'name'))
      const given = field(form, 'slug')
      const explicit = given !== undefined && given.trim() !== ''
      let id: string
      try {
        id = await create(session.user_id, name, explicit ? parseSlug(given) : slugFromName(name))
      }
      catch (error) {
        if (!isUniqueViolation(error))
          throw error
        if (explicit)
          throw slugTaken()
        // a slug made from the name clashed: one more try with a random tail
        id = await create(session.user_id, name, slugFromName(name, true))
      }
      return respond(c, id)
    })

    .get('/organizations/:id', async (c) => {
      const access = await organizationAccess(c, deps, c.req.param('id'))
      return respond(c, access.organization.id)
    })

    .patch('/organizations/:id', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), 'org:sys_profile:manage')
      const form = c.get('form')
      const changes: { name?: string, slug?: string } = {}
      if (field(form, 'name') !== undefined)
        changes.name = parseOrganizationName(field(form, 'name'))
      if (field(form, 'slug') !== undefined)
        changes.slug = parseSlug(field(form, 'slug')!)
      if (changes.name !== undefined || changes.slug !== undefined) {
        try {
          await db.kysely.updateTable('organizations').set({ ...changes, updated_at: clock() }).where('id', '=', access.organization.id).execute()
        }
        catch (error) {
          throw isUniqueViolation(error) ? slugTaken() : error
        }
      }
      return respond(c, access.organization.id)
    })

    .delete('/organizations/:id', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), 'org:sys_profile:delete')
      if (!config.organizations.adminDelete)
        throw new FapiError('organization_admin_delete_not_enabled')
      const { id, slug } = access.organization
      const affected = await db.kysely.transaction().execute(async (trx) => {
        const sessions = await trx.updateTable('sessions').set({ last_active_organization_id: null }).where('last_active_organization_id', '=', id).returning('id').execute()
        const domains = await trx.selectFrom('organization_domains').select('affiliation_verification_id').where('organization_id', '=', id).execute()
        const verificationIds = domains.flatMap(domain => domain.affiliation_verification_id ? [domain.affiliation_verification_id] : [])
        if (verificationIds.length > 0)
          await trx.deleteFrom('verifications').where('id', 'in', verificationIds).execute()
        // memberships, invitations, requests and domains go with it (ON DELETE CASCADE)
        await trx.deleteFrom('organizations').where('id', '=', id).execute()
        return sessions
      })
      for (const session of affected)
        deps.tokens.forget(session.id)
      return wrapped(c, deps, { object: 'organization', id, slug, deleted: true })
    })
}
