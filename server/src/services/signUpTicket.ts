import type { Kysely } from 'kysely'
import type { OrganizationInvitationRow } from '../db/organizationRows'
import type { Database } from '../db/schema'
import type { Deps } from '../deps'
import type { FormBody } from '../utils/formBody'
import type { SignUpChanges } from './signUpParams'
import { emailTaken } from '../db/queries/users'
import { FapiError, missingParam } from '../errors/fapiError'
import { field, textField } from '../utils/formBody'
import { redeemInvitationTicket, ticketVerification } from './invitationTickets'

/** What a sign-up gains from an invitation's ticket. */
export interface SignUpTicket {
  invitation: OrganizationInvitationRow
  /** The invited address, already verified by the ticket. */
  changes: Required<Pick<SignUpChanges, 'email_address' | 'email_normalized' | 'email_verification_id'>>
  /** Stores the `ticket` verification; call it in the transaction that writes the changes. */
  store: (trx: Kysely<Database>) => Promise<void>
}

/**
 * Reads `strategy=ticket&ticket=…` of a sign-up create or update (Clerk's invitation flow): the ticket
 * must name a pending invitation (see `redeemInvitationTicket`), whose address then becomes the
 * sign-up's, verified with strategy `ticket`: whoever holds the link received it at that address, so
 * no email code is sent. An address that already has an account answers
 * `400 organization_invitation_identification_already_exists` (sign in instead). Null without a ticket.
 */
export async function readSignUpTicket(deps: Deps, form: FormBody): Promise<SignUpTicket | null> {
  if (textField(form, 'strategy') !== 'ticket')
    return null
  const ticket = field(form, 'ticket')?.trim()
  if (!ticket)
    throw missingParam('ticket')
  const invitation = await redeemInvitationTicket(deps, ticket)
  if (await emailTaken(deps.db.kysely, invitation.email_normalized))
    throw new FapiError('organization_invitation_identification_already_exists')
  const now = deps.clock()
  const verification = ticketVerification(invitation.id, now)
  return {
    invitation,
    changes: { email_address: invitation.email_address, email_normalized: invitation.email_normalized, email_verification_id: verification.id },
    store: trx => trx.insertInto('verifications').values(verification).execute().then(() => {}),
  }
}
