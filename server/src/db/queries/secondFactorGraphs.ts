import type { Kysely } from 'kysely'
import type { VerificationRow } from '../rows'
import type { Database } from '../schema'
import type { PhoneNumberRow } from '../secondFactorRows'
import { preparedQuery } from '../preparedQuery'

/** A user's phone numbers and second factors, as the user JSON and sign-ins show them. */
export interface SecondFactorGraph {
  /** Oldest first. */
  phones: { row: PhoneNumberRow, verification: VerificationRow | null }[]
  /** When the authenticator app was verified (null: none, or still enrolling). */
  totpVerifiedAt: number | null
  /** Unused backup codes. */
  backupCodesLeft: number
}

/** An empty graph (a user with no phone number and no second factor). */
export function emptySecondFactorGraph(): SecondFactorGraph {
  return { phones: [], totpVerifiedAt: null, backupCodesLeft: 0 }
}

const factorsOfUsers = preparedQuery((db, ids: readonly string[]) => db.selectFrom('users')
  .select(eb => [
    'users.id',
    eb.selectFrom('totps').select('totps.verified_at').whereRef('totps.user_id', '=', 'users.id').as('totp_verified_at'),
    eb.selectFrom('backup_codes').select(eb.fn.countAll<number | string>().as('n')).whereRef('backup_codes.user_id', '=', 'users.id').where('backup_codes.used_at', 'is', null).as('backup_codes_left'),
  ])
  .where('users.id', 'in', ids))
const phonesOfUsers = preparedQuery((db, ids: readonly string[]) => db.selectFrom('phone_numbers').selectAll().where('user_id', 'in', ids).orderBy('created_at').orderBy('id'))

/** Loads phone numbers (with verifications) and second-factor state for users: two or three queries whatever the count. */
export async function loadSecondFactorGraphs(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, SecondFactorGraph>> {
  const graphs = new Map<string, SecondFactorGraph>()
  const ids = [...new Set(userIds)]
  if (ids.length === 0)
    return graphs
  for (const id of ids)
    graphs.set(id, emptySecondFactorGraph())

  const factors = await factorsOfUsers(db, ids)
  for (const row of factors) {
    const graph = graphs.get(row.id)!
    graph.totpVerifiedAt = row.totp_verified_at === null ? null : Number(row.totp_verified_at)
    graph.backupCodesLeft = Number(row.backup_codes_left ?? 0)
  }

  const phones = await phonesOfUsers(db, ids)
  const verificationIds = phones.flatMap(phone => phone.verification_id ? [phone.verification_id] : [])
  const verifications = verificationIds.length === 0
    ? new Map<string, VerificationRow>()
    : new Map((await db.selectFrom('verifications').selectAll().where('id', 'in', verificationIds).execute()).map(row => [row.id, row]))
  for (const row of phones)
    graphs.get(row.user_id)?.phones.push({ row, verification: row.verification_id ? verifications.get(row.verification_id) ?? null : null })
  return graphs
}
