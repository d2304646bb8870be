import type { PorticoConfig } from '../config'
import type { FactorJSON } from '../contract'
import type { SecondFactorGraph } from '../db/queries/secondFactorGraphs'
import type { PhoneNumberRow } from '../db/secondFactorRows'
import { maskPhoneNumber } from './phoneNumbers'

type Phone = SecondFactorGraph['phones'][number]

/** True once the phone number's SMS code was verified. */
export function isPhoneVerified(phone: Phone): boolean {
  return phone.verification?.status === 'verified'
}

/** Verified numbers reserved for second factor: the ones SMS second-factor codes may go to. */
export function secondFactorPhones(graph: SecondFactorGraph): PhoneNumberRow[] {
  return graph.phones.filter(phone => isPhoneVerified(phone) && phone.row.reserved_for_second_factor_at !== null).map(phone => phone.row)
}

/** The primary phone number: the oldest verified one (null when none is verified). */
export function primaryPhoneId(graph: SecondFactorGraph): string | null {
  return graph.phones.find(isPhoneVerified)?.row.id ?? null
}

/** The default second-factor number: the one marked default, else the first reserved one. */
export function defaultSecondFactorPhone(graph: SecondFactorGraph): PhoneNumberRow | null {
  const phones = secondFactorPhones(graph)
  return phones.find(phone => phone.default_second_factor_at !== null) ?? phones[0] ?? null
}

/** True when the user has an authenticator app or an SMS number for second factor, as enabled by the configuration. */
export function hasSecondFactor(graph: SecondFactorGraph, config: PorticoConfig): boolean {
  const { secondFactors, phoneNumbers } = config
  return (secondFactors.totp && graph.totpVerifiedAt !== null)
    || (secondFactors.phoneCode && phoneNumbers.enabled && secondFactorPhones(graph).length > 0)
}

/**
 * The factors a sign-in offers after the first one (fapi.md 4.7): the authenticator app, each SMS number
 * (masked, the default one marked), and backup codes while some are left. Empty: no second factor needed.
 */
export function supportedSecondFactors(graph: SecondFactorGraph, config: PorticoConfig): FactorJSON[] {
  if (!hasSecondFactor(graph, config))
    return []
  const { secondFactors, phoneNumbers } = config
  const factors: FactorJSON[] = []
  if (secondFactors.totp && graph.totpVerifiedAt !== null)
    factors.push({ strategy: 'totp' })
  if (secondFactors.phoneCode && phoneNumbers.enabled) {
    const preferred = defaultSecondFactorPhone(graph)
    for (const phone of secondFactorPhones(graph))
      factors.push({ strategy: 'phone_code', safe_identifier: maskPhoneNumber(phone.phone_number), phone_number_id: phone.id, default: phone.id === preferred?.id })
  }
  if (secondFactors.backupCodes && graph.backupCodesLeft > 0)
    factors.push({ strategy: 'backup_code' })
  return factors
}
