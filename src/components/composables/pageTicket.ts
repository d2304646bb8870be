import type { TicketLink } from '../../contract/ticketLink'
import { readTicketLink } from '../../contract/ticketLink'

/** The invitation ticket in the page's URL (`__clerk_ticket`), if any; null during SSR. */
export function pageTicket(): TicketLink | null {
  return typeof window === 'undefined' ? null : readTicketLink(window.location.search)
}
