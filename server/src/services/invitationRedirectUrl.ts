import type { Deps } from '../deps'
import type { FormBody } from '../utils/formBody'
import { isAllowedRedirectUrl } from '../contract'
import { FapiError } from '../errors/fapiError'
import { textField } from '../utils/formBody'

/**
 * The optional `redirect_url` of an invitation (Clerk's name): the page its email links to instead of
 * the app's sign-up or sign-in page. It must be an absolute http(s) URL on an allowed origin, so an
 * organization's invitations cannot send people to someone else's site (`400 invalid_redirect_url`).
 */
export function invitationRedirectUrl(deps: Pick<Deps, 'origins'>, form: FormBody): string | undefined {
  const target = textField(form, 'redirect_url')
  if (target === undefined)
    return undefined
  const origin = deps.origins.originOf(target)
  if (!origin || !deps.origins.isAllowed(origin) || !isAllowedRedirectUrl(target, { allowedOrigins: [origin], currentOrigin: deps.origins.publicOrigin }))
    throw new FapiError('invalid_redirect_url', { meta: { param_name: 'redirect_url' } })
  return target
}
