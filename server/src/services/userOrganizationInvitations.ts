import type { OrganizationInvitationJSONInput } from '../contract'
import type { InvitationStatusFilter } from '../db/queries/organizationInvitations'
import type { Deps } from '../deps'
import { domainMatchesForUser } from '../db/queries/organizationDomains'
import { invitationsForEmails } from '../db/queries/organizationInvitations'
import { loadUserGraph } from '../db/queries/userGraphs'
import { FapiError, notFound } from '../errors/fapiError'
import { serializeInvitation } from '../serialize/organizationInvitation'
import { sha256 } from '../utils/sha256'
import { insertMembership } from './organizationMembers'

/** A domain's invitation or suggestion is not stored: its id is derived from the domain and the user. */
export function derivedId(prefix: 'orginv' | 'orgsug', domainId: string, userId: string): string {
  return `${prefix}_${sha256(`${prefix}:${domainId}:${userId}`).slice(0, 27)}`
}

/** The canonical addresses a user has verified: invitations to them are theirs (AZ-6). */
export async function verifiedEmailsOf(deps: Deps, userId: string): Promise<string[]> {
  const graph = await loadUserGraph(deps.db.kysely, userId)
  return (graph?.emails ?? []).filter(email => email.verification?.status === 'verified').map(email => email.row.email_normalized)
}

/**
 * The invitations a user sees (`/me/organization_invitations`), newest first: those sent to one of their
 * verified addresses (a pending one into an organization they already joined is left out), and while
 * pending is asked for, one per verified domain in `automatic_invitation` mode that matches an address.
 */
export async function userInvitations(deps: Deps, userId: string, statuses: readonly InvitationStatusFilter[]): Promise<OrganizationInvitationJSONInput[]> {
  const { db, config, clock } = deps
  const now = clock()
  const rows = await invitationsForEmails(db.kysely, await verifiedEmailsOf(deps, userId), statuses, now)
  const organizationIds = [...new Set(rows.map(row => row.organization_id))]
  const organizations = organizationIds.length ? await db.kysely.selectFrom('organizations').selectAll().where('id', 'in', organizationIds).execute() : []
  const joined = new Set((organizationIds.length ? await db.kysely.selectFrom('organization_memberships').select('organization_id').where('user_id', '=', userId).where('organization_id', 'in', organizationIds).execute() : []).map(row => row.organization_id))
  const byId = new Map(organizations.map(organization => [organization.id, organization]))
  const listed = rows.flatMap((row) => {
    const organization = byId.get(row.organization_id)
    const json = organization && serializeInvitation(row, config, now, organization)
    return json && !(json.status === 'pending' && joined.has(row.organization_id)) ? [json] : []
  })
  const matches = statuses.length === 0 || statuses.includes('pending') ? await domainMatchesForUser(db.kysely, userId, ['automatic_invitation']) : []
  // a domain's invitation kept as a stored one when its mode changed has the same id: list it once,
  // the stored one while it is pending, else the domain's live one (as accepting does)
  const storedPending = new Set(listed.filter(json => json.status === 'pending').map(json => json.id))
  const live = matches.filter(match => !storedPending.has(derivedId('orginv', match.domain.id, userId)))
  const liveIds = new Set(live.map(match => derivedId('orginv', match.domain.id, userId)))
  const stored = listed.filter(json => !liveIds.has(json.id))
  const fromDomains = live.map(match => ({
    ...serializeInvitation({
      id: derivedId('orginv', match.domain.id, userId),
      organization_id: match.organization.id,
      email_address: match.email,
      email_normalized: match.email,
      role: config.organizations.domains.defaultRole,
      status: 'pending',
      public_metadata: '{}',
      expires_at: Number.MAX_SAFE_INTEGER,
      invited_by: null,
      created_at: match.verifiedAt,
      updated_at: match.verifiedAt,
    }, config, now, match.organization),
    // a domain keeps inviting for as long as it is verified
    expires_at: null,
  }))
  return [...stored, ...fromDomains].sort((a, b) => b.created_at - a.created_at)
}

/**
 * Accepts one of the user's invitations: the membership and the invitation's new state are written in
 * one transaction with the organization locked (RL-1, security.md #32: limits hold, an invitation is used
 * once). Someone else's invitation is a 404; a used one `organization_invitation_already_accepted`,
 * a revoked or expired one `organization_invitation_not_pending`.
 */
export async function acceptUserInvitation(deps: Deps, userId: string, invitationId: string): Promise<OrganizationInvitationJSONInput> {
  const { db, config, clock } = deps
  const emails = await verifiedEmailsOf(deps, userId)
  const row = emails.length
    ? await db.kysely.selectFrom('organization_invitations').selectAll().where('id', '=', invitationId).where('email_normalized', 'in', emails).executeTakeFirst()
    : undefined
  const match = async () => (await domainMatchesForUser(db.kysely, userId, ['automatic_invitation'])).find(candidate => derivedId('orginv', candidate.domain.id, userId) === invitationId)
  // a used or lapsed invitation a domain once kept gives way to the domain's live one with that id
  const stale = row && (row.status !== 'pending' || row.expires_at <= clock()) && row.invited_by === null
  const live = stale ? await match() : undefined
  if (row && !live) {
    const organization = await db.kysely.transaction().execute(async (trx) => {
      const now = clock()
      const current = await trx.selectFrom('organization_invitations').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()
      if (current.status === 'accepted')
        throw new FapiError('organization_invitation_already_accepted')
      if (current.status !== 'pending' || current.expires_at <= now)
        throw new FapiError('organization_invitation_not_pending')
      await insertMembership(trx, deps, { organizationId: row.organization_id, userId, role: row.role })
      const updated = await trx.updateTable('organization_invitations').set({ status: 'accepted', updated_at: now }).where('id', '=', row.id).where('status', '=', 'pending').executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1)
        throw new FapiError('organization_invitation_already_accepted')
      return trx.selectFrom('organizations').selectAll().where('id', '=', row.organization_id).executeTakeFirstOrThrow()
    })
    const accepted = await db.kysely.selectFrom('organization_invitations').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()
    return serializeInvitation(accepted, config, clock(), organization)
  }
  const domainMatch = live ?? await match()
  if (!domainMatch)
    throw notFound()
  const role = config.organizations.domains.defaultRole
  const membership = await db.kysely.transaction().execute(trx => insertMembership(trx, deps, { organizationId: domainMatch.organization.id, userId, role }))
  return {
    ...serializeInvitation({ id: invitationId, organization_id: domainMatch.organization.id, email_address: domainMatch.email, email_normalized: domainMatch.email, role, status: 'accepted', public_metadata: '{}', expires_at: Number.MAX_SAFE_INTEGER, invited_by: null, created_at: domainMatch.verifiedAt, updated_at: membership.created_at }, config, clock(), domainMatch.organization),
    expires_at: null,
  }
}
