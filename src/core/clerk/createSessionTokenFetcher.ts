import type { FapiRequest } from '../resources/ResourceContext'
import type { FetchToken } from '../tokens'
import { tokenSchema } from '../../contract'

/**
 * The token cache's network side: `POST /client/sessions/:id/tokens` (with `organization_id`, '' for
 * the personal account) or `…/tokens/:template`, plus `?debug=skip_cache` when the caller bypasses caches.
 */
export function createSessionTokenFetcher(request: FapiRequest): FetchToken {
  return async ({ sessionId, template, organizationId, skipCache }) => {
    const { response } = await request({
      path: `/client/sessions/${sessionId}/tokens${template ? `/${encodeURIComponent(template)}` : ''}`,
      method: 'POST',
      body: template ? {} : { organizationId },
      query: skipCache ? { debug: 'skip_cache' } : undefined,
      schema: tokenSchema,
      updateClient: false,
    })
    return response.jwt
  }
}
