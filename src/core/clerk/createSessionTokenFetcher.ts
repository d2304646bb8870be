import type { FapiRequest } from '../resources/ResourceContext'
import type { FetchToken } from '../tokens'
import { isClerkAPIResponseError } from '../errors'

/**
 * The token cache's network side: `POST /client/sessions/:id/tokens` (with `organization_id`, '' for
 * the personal account) or `…/tokens/:template`, plus `?debug=skip_cache` when the caller bypasses caches.
 * `onMembershipGone` hears of `403 not_a_member_in_organization`: the user was removed from the
 * organization elsewhere, so the client this tab holds is out of date.
 */
export function createSessionTokenFetcher(request: FapiRequest, onMembershipGone: () => void = () => {}): FetchToken {
  return async ({ sessionId, template, organizationId, skipCache }) => {
    const { response } = await request({
      path: `/client/sessions/${sessionId}/tokens${template ? `/${encodeURIComponent(template)}` : ''}`,
      method: 'POST',
      body: template ? {} : { organizationId },
      query: skipCache ? { debug: 'skip_cache' } : undefined,
      contract: 'token',
      updateClient: false,
    }).catch((error: unknown) => {
      if (organizationId && isClerkAPIResponseError(error) && error.errors[0]?.code === 'not_a_member_in_organization')
        onMembershipGone()
      throw error
    })
    return response.jwt
  }
}
