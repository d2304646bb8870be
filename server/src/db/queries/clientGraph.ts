import type { Kysely } from 'kysely'
import type { ClientRow, SessionRow, SignInRow, SignUpRow, VerificationRow } from '../rows'
import type { Database } from '../schema'
import type { UserGraph } from './userGraphs'
import { preparedQuery } from '../preparedQuery'
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

const activeSessions = preparedQuery((db, clientId: string, now: number, now2: number) => db.selectFrom('sessions').selectAll().where('client_id', '=', clientId).where('status', '=', 'active').where('expire_at', '>', now).where('abandon_at', '>', now2).orderBy('created_at').orderBy('id'))
const signInById = preparedQuery((db, id: string) => db.selectFrom('sign_ins').selectAll().where('id', '=', id))
const signUpById = preparedQuery((db, id: string) => db.selectFrom('sign_ups').selectAll().where('id', '=', id))

/** Loads a client with its active sessions, users, in-flight sign-in and sign-up (a handful of queries). */
export async function loadClientGraph(db: Kysely<Database>, client: ClientRow, now: number): Promise<ClientGraph> {
  const sessions = await activeSessions(db, client.id, now, now)
  const signIn = client.sign_in_id ? (await signInById(db, client.sign_in_id))[0] ?? null : null
  const signUp = client.sign_up_id ? (await signUpById(db, client.sign_up_id))[0] ?? null : null
  const users = await loadUserGraphs(db, [...sessions.map(session => session.user_id), ...signIn?.user_id ? [signIn.user_id] : []], now)
  const verifications = await loadVerifications(db, [
    ...signIn?.first_factor_verification_id ? [signIn.first_factor_verification_id] : [],
    ...signIn?.second_factor_verification_id ? [signIn.second_factor_verification_id] : [],
    ...signUp?.email_verification_id ? [signUp.email_verification_id] : [],
    ...signUp?.phone_verification_id ? [signUp.phone_verification_id] : [],
  ])
  return { client, sessions, signIn, signUp, users, verifications }
}
