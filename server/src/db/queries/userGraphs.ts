import type { Kysely } from 'kysely'
import type { EmailAddressRow, UserRow, VerificationRow } from '../rows'
import type { Database } from '../schema'
import type { MembershipView } from './organizationMemberships'
import type { SecondFactorGraph } from './secondFactorGraphs'
import { preparedQuery } from '../preparedQuery'
import { loadUserMemberships } from './organizationMemberships'
import { loadSecondFactorGraphs } from './secondFactorGraphs'

/** A user with the identifications its JSON embeds. */
export interface UserGraph {
  user: UserRow
  emails: { row: EmailAddressRow, verification: VerificationRow | null }[]
  /** Phone numbers and second factors (absent = none loaded). */
  secondFactors?: SecondFactorGraph
  /** Organization memberships, oldest first (absent = none loaded). */
  memberships?: MembershipView[]
}

const usersByIds = preparedQuery((db, ids: readonly string[]) => db.selectFrom('users').selectAll().where('id', 'in', ids))
const emailsOfUsers = preparedQuery((db, ids: readonly string[]) => db.selectFrom('email_addresses').selectAll().where('user_id', 'in', ids).orderBy('created_at').orderBy('id'))
const verificationsByIds = preparedQuery((db, ids: readonly string[]) => db.selectFrom('verifications').selectAll().where('id', 'in', ids))

/** Loads users with their email addresses and verifications, phone numbers, second factors and organization memberships: a fixed number of queries whatever the count. */
export async function loadUserGraphs(db: Kysely<Database>, userIds: readonly string[], now = Date.now()): Promise<Map<string, UserGraph>> {
  const graphs = new Map<string, UserGraph>()
  const ids = [...new Set(userIds)]
  if (ids.length === 0)
    return graphs
  const users = await usersByIds(db, ids)
  const emails = await emailsOfUsers(db, ids)
  const verificationIds = emails.flatMap(email => email.verification_id ? [email.verification_id] : [])
  const verifications = await loadVerifications(db, verificationIds)
  for (const user of users)
    graphs.set(user.id, { user, emails: [] })
  for (const row of emails)
    graphs.get(row.user_id)?.emails.push({ row, verification: row.verification_id ? verifications.get(row.verification_id) ?? null : null })
  const secondFactors = await loadSecondFactorGraphs(db, ids)
  for (const [userId, graph] of graphs)
    graph.secondFactors = secondFactors.get(userId)
  const memberships = await loadUserMemberships(db, ids, now)
  for (const [userId, graph] of graphs)
    graph.memberships = memberships.get(userId) ?? []
  return graphs
}

/** Loads one user with its identifications, or undefined. */
export async function loadUserGraph(db: Kysely<Database>, userId: string): Promise<UserGraph | undefined> {
  return (await loadUserGraphs(db, [userId])).get(userId)
}

/** Loads verifications by id. */
export async function loadVerifications(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, VerificationRow>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0)
    return new Map()
  const rows = await verificationsByIds(db, unique)
  return new Map(rows.map(row => [row.id, row]))
}

/** True when the email's verification succeeded. */
export function isVerified(email: { verification: VerificationRow | null }): boolean {
  return email.verification?.status === 'verified'
}
