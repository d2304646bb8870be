import type { Deps } from '../deps'
import type { SuggestionView } from '../serialize/organizationSuggestion'
import { isUniqueViolation } from '../db/isUniqueViolation'
import { domainMatchesForUser } from '../db/queries/organizationDomains'
import { notFound } from '../errors/fapiError'
import { newId } from '../utils/newId'
import { derivedId } from './userOrganizationInvitations'

/**
 * A user's organization suggestions: one per verified domain in `automatic_suggestion` mode that matches
 * one of their verified addresses, in an organization they have not joined. `pending` until accepted;
 * `accepted` while the membership request it made waits; gone once an admin rejected that request.
 */
export async function userSuggestions(deps: Deps, userId: string): Promise<SuggestionView[]> {
  const { db } = deps
  const matches = await domainMatchesForUser(db.kysely, userId, ['automatic_suggestion'])
  if (matches.length === 0)
    return []
  const requests = await db.kysely.selectFrom('organization_membership_requests').selectAll().where('user_id', '=', userId).where('organization_id', 'in', matches.map(match => match.organization.id)).execute()
  const seen = new Set<string>()
  return matches.flatMap((match): SuggestionView[] => {
    if (seen.has(match.organization.id))
      return []
    seen.add(match.organization.id)
    const asked = requests.filter(request => request.organization_id === match.organization.id)
    if (asked.some(request => request.status !== 'pending'))
      return []
    const pending = asked.find(request => request.status === 'pending')
    return [{
      id: derivedId('orgsug', match.domain.id, userId),
      organization: match.organization,
      status: pending ? 'accepted' : 'pending',
      createdAt: match.verifiedAt,
      updatedAt: pending?.created_at ?? match.verifiedAt,
    }]
  })
}

/** Accepts a suggestion: a pending membership request for the organization's admins (idempotent). */
export async function acceptSuggestion(deps: Deps, userId: string, suggestionId: string): Promise<SuggestionView> {
  const suggestion = (await userSuggestions(deps, userId)).find(candidate => candidate.id === suggestionId)
  if (!suggestion)
    throw notFound()
  if (suggestion.status === 'accepted')
    return suggestion
  const now = deps.clock()
  try {
    await deps.db.kysely.insertInto('organization_membership_requests').values({ id: newId('orgmemreq'), organization_id: suggestion.organization.id, user_id: userId, status: 'pending', created_at: now, updated_at: now }).execute()
  }
  catch (error) {
    // a concurrent accept made the request first: the outcome is the same
    if (!isUniqueViolation(error))
      throw error
  }
  return { ...suggestion, status: 'accepted', updatedAt: now }
}
