import { describe, expect, it } from 'vitest'
import { readTicketLink, TICKET_PARAM, TICKET_STATUS_PARAM } from '../../src/contract'

describe('readTicketLink', () => {
  it('reads the ticket and the status of an invitation link, with or without the question mark', () => {
    expect(readTicketLink('?__clerk_ticket=eyJ.a.b&__clerk_status=sign_up')).toEqual({ ticket: 'eyJ.a.b', status: 'sign_up' })
    expect(readTicketLink('from=mail&__clerk_status=sign_in&__clerk_ticket=t')).toEqual({ ticket: 't', status: 'sign_in' })
    expect(readTicketLink(`?${TICKET_PARAM}=t&${TICKET_STATUS_PARAM}=complete`)).toEqual({ ticket: 't', status: 'complete' })
  })

  it('keeps the ticket when the status is missing or unknown', () => {
    expect(readTicketLink('?__clerk_ticket=t')).toEqual({ ticket: 't', status: null })
    expect(readTicketLink('?__clerk_ticket=t&__clerk_status=bogus')).toEqual({ ticket: 't', status: null })
  })

  it('is null without a ticket', () => {
    expect(readTicketLink('')).toBeNull()
    expect(readTicketLink('?__clerk_status=sign_up')).toBeNull()
    expect(readTicketLink('?__clerk_ticket=%20')).toBeNull()
  })
})
