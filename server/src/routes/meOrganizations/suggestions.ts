import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { FapiError } from '../../errors/fapiError'
import { actingSession } from '../../http/actingSession'
import { wrapped } from '../../http/respond'
import { serializeSuggestion } from '../../serialize/organizationSuggestion'
import { assertOrganizationsEnabled } from '../../services/organizationAccess'
import { pageRequest, queryList } from '../../services/organizationParams'
import { acceptSuggestion, userSuggestions } from '../../services/organizationSuggestions'

/** `/v1/me/organization_suggestions` (fapi.md 2.5): organizations suggested by verified domains, and accepting one (a membership request). */
export function meSuggestionRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/me/organization_suggestions', async (c) => {
      assertOrganizationsEnabled(deps.config)
      const { session } = await actingSession(c, deps)
      const statuses = queryList(c, 'status')
      if (statuses.some(status => status !== 'pending' && status !== 'accepted'))
        throw new FapiError('form_param_value_invalid', { meta: { param_name: 'status' } })
      const { limit, offset } = pageRequest(c)
      const all = (await userSuggestions(deps, session.user_id)).filter(suggestion => statuses.length === 0 || statuses.includes(suggestion.status))
      return wrapped(c, deps, { data: all.slice(offset, offset + limit).map(view => serializeSuggestion(view, deps.config)), total_count: all.length })
    })

    .post('/me/organization_suggestions/:id/accept', async (c) => {
      assertOrganizationsEnabled(deps.config)
      const { session } = await actingSession(c, deps)
      return wrapped(c, deps, serializeSuggestion(await acceptSuggestion(deps, session.user_id, c.req.param('id')), deps.config))
    })
}
