import type { Db } from '../db/createDb'
import type { OrganizationInvitationRow } from '../db/organizationRows'
import type { VerificationRow } from '../db/rows'
import type { Deps } from '../deps'
import { randomBytes } from 'node:crypto'
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose'
import { FapiError } from '../errors/fapiError'
import { invitationStatus } from '../serialize/organizationInvitation'
import { newId } from '../utils/newId'

/** The `st` (subject type) claim of an organization invitation's ticket, as in Clerk's tickets. */
export const INVITATION_TICKET_TYPE = 'organization_invitation'

const KEY_NAME = 'invitation_ticket_key'
const keys = new WeakMap<Db, Promise<Uint8Array>>()

/**
 * The HMAC key tickets are signed with: generated on first use and kept in `server_secrets`, so every
 * process on one database agrees on it. HS256 on purpose: a ticket can never pass for a session token,
 * which verifiers check against the RS256 JWKS.
 */
function ticketKey(deps: Pick<Deps, 'db' | 'clock'>): Promise<Uint8Array> {
  let key = keys.get(deps.db)
  if (!key) {
    key = (async () => {
      await deps.db.kysely.insertInto('server_secrets')
        .values({ name: KEY_NAME, value: randomBytes(32).toString('base64url'), created_at: deps.clock() })
        .onConflict(oc => oc.column('name').doNothing())
        .execute()
      const row = await deps.db.kysely.selectFrom('server_secrets').select('value').where('name', '=', KEY_NAME).executeTakeFirstOrThrow()
      return new Uint8Array(Buffer.from(row.value, 'base64url'))
    })()
    // a failed read (database down) is retried by the next caller instead of being remembered
    key.catch(() => keys.delete(deps.db))
    keys.set(deps.db, key)
  }
  return key
}

/**
 * A ticket for an invitation: a JWT (HS256) whose `sid` names the invitation and `st` its kind, valid
 * until the invitation expires. It holds no secret of its own; revoking or accepting the invitation
 * ends it, because redeeming reads the invitation again.
 */
export async function issueInvitationTicket(deps: Pick<Deps, 'db' | 'clock' | 'config'>, invitation: Pick<OrganizationInvitationRow, 'id' | 'expires_at'>): Promise<string> {
  return new SignJWT({ sid: invitation.id, st: INVITATION_TICKET_TYPE })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(deps.config.publicUrl)
    .setIssuedAt(Math.floor(deps.clock() / 1000))
    .setExpirationTime(Math.floor(invitation.expires_at / 1000))
    .sign(await ticketKey(deps))
}

/**
 * Reads a ticket back to its invitation, which must still be pending. A ticket that does not verify
 * (forged, altered, another server's, not an invitation's) or whose invitation is gone answers
 * `400 ticket_invalid_code`; one past its expiry `400 ticket_expired_code`; a revoked invitation
 * `400 organization_invitation_revoked_code`; an accepted one `400 organization_invitation_already_accepted`.
 */
export async function redeemInvitationTicket(deps: Pick<Deps, 'db' | 'clock' | 'config'>, ticket: string): Promise<OrganizationInvitationRow> {
  const invalid = () => new FapiError('ticket_invalid_code', { meta: { param_name: 'ticket' } })
  if (!deps.config.organizations.enabled || ticket.length > 2048)
    throw invalid()
  let invitationId: unknown
  try {
    const { payload } = await jwtVerify(ticket, await ticketKey(deps), {
      algorithms: ['HS256'],
      issuer: deps.config.publicUrl,
      currentDate: new Date(deps.clock()),
      requiredClaims: ['exp', 'sid', 'st'],
    })
    if (payload.st !== INVITATION_TICKET_TYPE)
      throw invalid()
    invitationId = payload.sid
  }
  catch (error) {
    if (error instanceof joseErrors.JWTExpired)
      throw new FapiError('ticket_expired_code', { meta: { param_name: 'ticket' } })
    if (error instanceof joseErrors.JOSEError || error instanceof FapiError)
      throw invalid()
    throw error
  }
  const invitation = typeof invitationId === 'string'
    ? await deps.db.kysely.selectFrom('organization_invitations').selectAll().where('id', '=', invitationId).executeTakeFirst()
    : undefined
  if (!invitation)
    throw invalid()
  const status = invitationStatus(invitation, deps.clock())
  if (status === 'expired')
    throw new FapiError('ticket_expired_code', { meta: { param_name: 'ticket' } })
  if (status === 'revoked')
    throw new FapiError('organization_invitation_revoked_code', { meta: { param_name: 'ticket' } })
  if (status === 'accepted')
    throw new FapiError('organization_invitation_already_accepted', { meta: { param_name: 'ticket' } })
  return invitation
}

/**
 * The verification a redeemed ticket stands for: verified at once with strategy `ticket` (Clerk's),
 * its target the invitation, so the sign-up's address or the sign-in's first factor needs no code.
 */
export function ticketVerification(invitationId: string, now: number): VerificationRow {
  return {
    id: newId('ver'),
    strategy: 'ticket',
    status: 'verified',
    code_hash: null,
    attempts: 0,
    expire_at: null,
    sent_at: null,
    verified_at: now,
    target: invitationId,
    created_at: now,
    updated_at: now,
  }
}
