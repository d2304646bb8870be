import type { Kysely } from 'kysely'
import type { ClientRow, SessionRow, SignInRow, SignUpRow, VerificationRow } from '../rows'
import type { Database } from '../schema'
import type { UserGraph } from './userGraphs'
import { loadUserGraphs, loadVerifications } from './userGraphs'

/** Everything a client's JSON is built from. */
export interface ClientGraph {
  client: ClientRow
  /** Signed-in sessions, oldest first. */
  sessions: SessionRow[]
  signIn: SignInRow | null
  signUp: SignUpRow | null
  users: Map<string, UserGraph>
  verifications: Map<string, VerificationRow>
}

/** Loads a client with its active sessions, users, in-flight sign-in and sign-up (a handful of queries). */
export async function loadClientGraph(db: Kysely<Database>, client: ClientRow, now: number): Promise<ClientGraph> {
  const sessions = await db.selectFrom('sessions').selectAll().where('client_id', '=', client.id).where('status', '=', 'active').where('expire_at', '>', now).where('abandon_at', '>', now).orderBy('created_at').orderBy('id').execute()
  const signIn = client.sign_in_id
    ? await db.selectFrom('sign_ins').selectAll().where('id', '=', client.sign_in_id).executeTakeFirst() ?? null
    : null
  const signUp = client.sign_up_id
    ? await db.selectFrom('sign_ups').selectAll().where('id', '=', client.sign_up_id).executeTakeFirst() ?? null
    : null
  const users = await loadUserGraphs(db, [...sessions.map(session => session.user_id), ...signIn?.user_id ? [signIn.user_id] : []], now)
  const verifications = await loadVerifications(db, [
    ...signIn?.first_factor_verification_id ? [signIn.first_factor_verification_id] : [],
    ...signIn?.second_factor_verification_id ? [signIn.second_factor_verification_id] : [],
    ...signUp?.email_verification_id ? [signUp.email_verification_id] : [],
    ...signUp?.phone_verification_id ? [signUp.phone_verification_id] : [],
  ])
  return { client, sessions, signIn, signUp, users, verifications }
}
