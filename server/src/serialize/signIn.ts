import type { PorticoConfig } from '../config'
import type { FactorJSON, SignInJSONInput } from '../contract'
import type { UserGraph } from '../db/queries/userGraphs'
import type { SignInRow, VerificationRow } from '../db/rows'
import { isVerified } from '../db/queries/userGraphs'
import { maskEmail } from '../services/emails'
import { serializeVerification } from './verification'

/** The first factors a user can sign in with (fapi.md 4.7), with masked identifiers. */
export function firstFactorsFor(graph: UserGraph, config: PorticoConfig): FactorJSON[] {
  const factors: FactorJSON[] = []
  if (graph.user.password_hash)
    factors.push({ strategy: 'password' })
  const verified = graph.emails.filter(isVerified)
  for (const { row } of verified)
    factors.push({ strategy: 'email_code', safe_identifier: maskEmail(row.email_address), email_address_id: row.id, primary: row.id === graph.user.primary_email_address_id })
  if (config.signUp.password !== 'off') {
    for (const { row } of verified)
      factors.push({ strategy: 'reset_password_email_code', safe_identifier: maskEmail(row.email_address), email_address_id: row.id, primary: row.id === graph.user.primary_email_address_id })
  }
  return factors
}

/** A sign-in attempt (fapi.md 4.7): `sign_in_attempt` on the wire. */
export function serializeSignIn(row: SignInRow, graph: UserGraph | undefined, verification: VerificationRow | null, config: PorticoConfig, now: number): SignInJSONInput {
  return {
    object: 'sign_in_attempt',
    id: row.id,
    status: row.status as SignInJSONInput['status'],
    supported_identifiers: ['email_address', ...(config.signUp.username !== 'off' ? ['username'] : [])],
    identifier: row.identifier,
    supported_first_factors: graph ? firstFactorsFor(graph, config) : [],
    supported_second_factors: null,
    first_factor_verification: serializeVerification(verification, now),
    second_factor_verification: null,
    user_data: graph
      ? { first_name: graph.user.first_name, last_name: graph.user.last_name, image_url: '', has_image: false }
      : null,
    created_session_id: row.created_session_id,
    abandon_at: row.abandon_at,
  }
}
