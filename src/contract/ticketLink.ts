/** The query parameter of an invitation link that carries its ticket (Clerk's name). */
export const TICKET_PARAM = '__clerk_ticket'

/** The query parameter of an invitation link that says which flow the invitee goes through. */
export const TICKET_STATUS_PARAM = '__clerk_status'

/**
 * What `__clerk_status` says: `sign_up` (no account has the invited address), `sign_in` (one has), or
 * `complete` (the invitee was already signed in and nothing is left to do).
 */
export type TicketStatus = 'sign_up' | 'sign_in' | 'complete'

/** The ticket and status an invitation link (a page's query string) carries. */
export interface TicketLink {
  ticket: string
  status: TicketStatus | null
}

const STATUSES: readonly string[] = ['sign_up', 'sign_in', 'complete']

/**
 * Reads `__clerk_ticket` and `__clerk_status` from a query string (`location.search`, with or without
 * its `?`); null when there is no ticket.
 *
 * @example
 * readTicketLink('?__clerk_ticket=eyJ…&__clerk_status=sign_up') // { ticket: 'eyJ…', status: 'sign_up' }
 */
export function readTicketLink(search: string): TicketLink | null {
  const params = new URLSearchParams(search)
  const ticket = params.get(TICKET_PARAM)?.trim()
  if (!ticket)
    return null
  const status = params.get(TICKET_STATUS_PARAM)
  return { ticket, status: status !== null && STATUSES.includes(status) ? status as TicketStatus : null }
}
