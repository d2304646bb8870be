import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { SessionRow } from '../../db/rows'
import type { Deps } from '../../deps'
import { findUserByIdentifier } from '../../db/queries/users'
import { FapiError, missingParam } from '../../errors/fapiError'
import { acceptInvitationAs } from '../../services/acceptTicketInvitation'
import { redeemInvitationTicket, ticketVerification } from '../../services/invitationTickets'
import { field } from '../../utils/formBody'
import { newId } from '../../utils/newId'
import { passFirstFactor } from './passFirstFactor'
import { afterSessionCreated, respondSignIn, SIGN_IN_LIFETIME_MS } from './signInSupport'

/**
 * `POST /v1/client/sign_ins` with `strategy=ticket&ticket=…`: an invitation link signs its invitee in.
 * The ticket must name a pending invitation whose address belongs to an account
 * (`400 organization_invitation_identification_not_exist` otherwise: sign up instead); it stands for
 * the first factor (a `ticket` verification), so the sign-in completes at once, or waits for the second
 * factor of a user who has one. The session's creation accepts the invitation (acceptTicketInvitation).
 * When the invitee is already signed in on this client, the invitation is accepted for that account
 * and the answer is `identifier_already_signed_in` with its session in `meta.session_id` (switch to it);
 * single-session mode refuses anyone else's ticket while someone is signed in (`session_exists`).
 */
export async function createTicketSignIn(c: Context<AppEnv>, deps: Deps, clientId: string, active: readonly SessionRow[]): Promise<Response> {
  const { db, clock } = deps
  const ticket = field(c.get('form'), 'ticket')?.trim()
  if (!ticket)
    throw missingParam('ticket')
  const invitation = await redeemInvitationTicket(deps, ticket)
  const user = await findUserByIdentifier(db.kysely, { email: invitation.email_normalized })
  if (!user)
    throw new FapiError('organization_invitation_identification_not_exist')
  const signedIn = active.find(session => session.user_id === user.id)
  if (signedIn) {
    // the invitee is signed in here already: the link still does what it says and joins them
    await db.kysely.transaction().execute(trx => acceptInvitationAs(trx, deps, invitation.id, user.id))
    throw new FapiError('identifier_already_signed_in', { meta: { session_id: signedIn.id } })
  }
  if (deps.config.sessionMode === 'single' && active.length > 0)
    throw new FapiError('session_exists')
  deps.lockout.assertUnlocked(user)

  const now = clock()
  const verification = ticketVerification(invitation.id, now)
  const row = {
    id: newId('sia'),
    client_id: clientId,
    status: 'needs_first_factor',
    identifier: invitation.email_address,
    user_id: user.id,
    first_factor_verification_id: verification.id,
    created_session_id: null,
    abandon_at: now + SIGN_IN_LIFETIME_MS,
    created_at: now,
    updated_at: now,
  }
  const created = await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('verifications').values(verification).execute()
    await trx.insertInto('sign_ins').values(row).execute()
    await trx.updateTable('clients').set({ sign_in_id: row.id, updated_at: now }).where('id', '=', clientId).execute()
    return passFirstFactor(trx, c, deps, row, user.id, 'ticket')
  })
  if (created)
    await afterSessionCreated(c, deps)
  return respondSignIn(c, deps, row.id)
}
