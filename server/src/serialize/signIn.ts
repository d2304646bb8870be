import type { PorticoConfig } from '../config'
import type { FactorJSON, SignInJSONInput } from '../contract'
import type { UserGraph } from '../db/queries/userGraphs'
import type { SignInRow, VerificationRow } from '../db/rows'
import { emptySecondFactorGraph } from '../db/queries/secondFactorGraphs'
import { isVerified } from '../db/queries/userGraphs'
import { maskEmail } from '../services/emails'
import { imageUrl } from '../services/images'
import { maskPhoneNumber } from '../services/phoneNumbers'
import { isPhoneVerified, primaryPhoneId, supportedSecondFactors } from '../services/secondFactorState'
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
  if (config.phoneNumbers.enabled && config.phoneNumbers.signIn) {
    const secondFactors = graph.secondFactors ?? emptySecondFactorGraph()
    const phones = secondFactors.phones.filter(isPhoneVerified).map(phone => phone.row)
    const primaryId = primaryPhoneId(secondFactors)
    for (const strategy of ['phone_code', ...(config.signUp.password !== 'off' ? ['reset_password_phone_code'] : [])]) {
      for (const phone of phones)
        factors.push({ strategy, safe_identifier: maskPhoneNumber(phone.phone_number), phone_number_id: phone.id, primary: phone.id === primaryId })
    }
  }
  return factors
}

/**
 * A sign-in attempt (fapi.md 4.7): `sign_in_attempt` on the wire. Between its factors it lists the
 * second factors the user can finish with (`supported_second_factors`).
 */
export function serializeSignIn(row: SignInRow, graph: UserGraph | undefined, verification: VerificationRow | null, config: PorticoConfig, now: number, secondFactorVerification: VerificationRow | null = null): SignInJSONInput {
  return {
    object: 'sign_in_attempt',
    id: row.id,
    status: row.status as SignInJSONInput['status'],
    supported_identifiers: ['email_address', ...(config.signUp.username !== 'off' ? ['username'] : []), ...(config.phoneNumbers.enabled && config.phoneNumbers.signIn ? ['phone_number'] : [])],
    identifier: row.identifier,
    supported_first_factors: graph ? firstFactorsFor(graph, config) : [],
    supported_second_factors: graph && row.status === 'needs_second_factor' ? supportedSecondFactors(graph.secondFactors ?? emptySecondFactorGraph(), config) : null,
    first_factor_verification: serializeVerification(verification, now),
    second_factor_verification: serializeVerification(secondFactorVerification, now),
    user_data: graph
      ? { first_name: graph.user.first_name, last_name: graph.user.last_name, image_url: imageUrl(config, graph.user.image_id), has_image: graph.user.image_id !== null }
      : null,
    created_session_id: row.created_session_id,
    abandon_at: row.abandon_at,
  }
}
