import type { PorticoConfig } from '../config'
import type { UserSettingsAttributeJSON } from '../contract'

/** The second-factor strategies the instance offers (`auth_config.second_factors`), in Clerk's order. */
export function secondFactorStrategies(config: PorticoConfig): string[] {
  const { secondFactors, phoneNumbers } = config
  const strategies: string[] = []
  if (secondFactors.totp)
    strategies.push('totp')
  if (secondFactors.phoneCode && phoneNumbers.enabled)
    strategies.push('phone_code')
  // backup codes only stand in for another second factor
  if (secondFactors.backupCodes && strategies.length > 0)
    strategies.push('backup_code')
  return strategies
}

/** True when users can sign in with a phone number and an SMS code. */
export function phoneSignInEnabled(config: PorticoConfig): boolean {
  return config.phoneNumbers.enabled && config.phoneNumbers.signIn
}

function attribute(enabled: boolean, extra: Partial<UserSettingsAttributeJSON> = {}): UserSettingsAttributeJSON {
  return {
    enabled,
    required: false,
    used_for_first_factor: false,
    first_factors: [],
    used_for_second_factor: false,
    second_factors: [],
    verifications: [],
    verify_at_sign_up: false,
    ...extra,
  }
}

/**
 * The `phone_number`, `authenticator_app` and `backup_code` entries of `user_settings.attributes`
 * (fapi.md 4.13), mirroring `config.phoneNumbers` and `config.secondFactors`.
 */
export function secondFactorAttributes(config: PorticoConfig): Record<'phone_number' | 'authenticator_app' | 'backup_code', UserSettingsAttributeJSON> {
  const { phoneNumbers } = config
  const strategies = secondFactorStrategies(config)
  const phoneFirst = phoneSignInEnabled(config)
  const phoneSecond = strategies.includes('phone_code')
  return {
    phone_number: attribute(phoneNumbers.enabled, {
      required: phoneNumbers.enabled && phoneNumbers.signUp === 'required',
      used_for_first_factor: phoneFirst,
      first_factors: phoneFirst ? ['phone_code', ...(config.signUp.password !== 'off' ? ['reset_password_phone_code'] : [])] : [],
      used_for_second_factor: phoneSecond,
      second_factors: phoneSecond ? ['phone_code'] : [],
      verifications: phoneNumbers.enabled ? ['phone_code'] : [],
      verify_at_sign_up: phoneNumbers.enabled,
      channels: phoneNumbers.enabled ? ['sms'] : [],
    }),
    authenticator_app: attribute(strategies.includes('totp'), { used_for_second_factor: strategies.includes('totp'), second_factors: strategies.includes('totp') ? ['totp'] : [], verifications: strategies.includes('totp') ? ['totp'] : [] }),
    backup_code: attribute(strategies.includes('backup_code'), { used_for_second_factor: strategies.includes('backup_code'), second_factors: strategies.includes('backup_code') ? ['backup_code'] : [] }),
  }
}
