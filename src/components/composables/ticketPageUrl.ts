import type { Clerk } from '../../types'
import { TICKET_PARAM } from '../../contract/ticketLink'
import { authPageUrl } from './authUrls'

const PLACEHOLDER = 'http://portico.invalid'

/**
 * The other auth page (sign-in <-> sign-up) carrying an invitation's ticket, where an invitation link
 * opened on the wrong page sends its invitee (as Clerk's components do): `explicit` (the component's
 * `signInUrl`/`signUpUrl` prop) or the configured page, with the `redirect_url` this page was opened with.
 * The status is not carried on: the page it leads to uses the ticket its own way, so a link can never
 * bounce between two pages.
 */
export function ticketPageUrl(clerk: Clerk, flow: 'signIn' | 'signUp', ticket: string, explicit?: string): string {
  const page = authPageUrl(clerk, flow, explicit)
  const url = new URL(page, PLACEHOLDER)
  url.searchParams.set(TICKET_PARAM, ticket)
  return page.startsWith('/') && !page.startsWith('//') ? `${url.pathname}${url.search}${url.hash}` : url.href
}
