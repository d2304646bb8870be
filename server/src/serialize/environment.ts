import type { PorticoConfig } from '../config'
import type { EnvironmentJSONInput, UserSettingsAttributeJSON, UserSettingsAttributeName } from '../contract'
import { USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH } from '../services/usernames'
import { serializeOrganizationSettings } from './organizationSettings'
import { phoneSignInEnabled, secondFactorAttributes, secondFactorStrategies } from './secondFactorSettings'

type Setting = 'off' | 'optional' | 'required'

function attribute(setting: Setting, extra: Partial<UserSettingsAttributeJSON> = {}): UserSettingsAttributeJSON {
  return {
    enabled: setting !== 'off',
    required: setting === 'required',
    used_for_first_factor: false,
    first_factors: [],
    used_for_second_factor: false,
    second_factors: [],
    verifications: [],
    verify_at_sign_up: false,
    ...extra,
  }
}

function toggle(setting: Setting): 'on' | 'off' | 'required' {
  return setting === 'optional' ? 'on' : setting
}

/**
 * The bare environment (fapi.md 4.13) that mirrors the configuration: every `user_settings` attribute
 * (a present map replaces clerk-js's defaults wholesale), captcha off, organizations as configured, billing off,
 * `commerce_settings` complete (clerk-js dereferences it without guards).
 */
export function serializeEnvironment(config: PorticoConfig): EnvironmentJSONInput {
  const { signUp, passwords, lockout } = config
  const development = config.instanceType === 'development'
  const passwordOn = signUp.password !== 'off'
  const usernameOn = signUp.username !== 'off'
  const firstFactors = ['email_code', ...(passwordOn ? ['password', 'reset_password_email_code'] : [])]

  const attributes: Record<UserSettingsAttributeName, UserSettingsAttributeJSON> = {
    email_address: attribute('required', {
      used_for_first_factor: true,
      first_factors: ['email_code'],
      verifications: ['email_code'],
      verify_at_sign_up: true,
    }),
    username: attribute(signUp.username, { used_for_first_factor: usernameOn }),
    web3_wallet: attribute('off'),
    first_name: attribute(signUp.firstName),
    last_name: attribute(signUp.lastName),
    password: attribute(signUp.password, { used_for_first_factor: passwordOn, first_factors: passwordOn ? ['password'] : [] }),
    ...secondFactorAttributes(config),
    passkey: attribute('off'),
  }

  return {
    object: 'environment',
    id: 'env_portico',
    auth_config: {
      object: 'auth_config',
      id: 'aac_portico',
      single_session_mode: config.sessionMode === 'single',
      reverification: false,
      claimed_at: null,
      first_name: toggle(signUp.firstName),
      last_name: toggle(signUp.lastName),
      email_address: 'required',
      phone_number: config.phoneNumbers.enabled ? (config.phoneNumbers.signUp === 'required' ? 'required' : 'on') : 'off',
      username: toggle(signUp.username),
      password: toggle(signUp.password),
      identification_requirements: [['email_address'], ...(usernameOn ? [['username']] : []), ...(phoneSignInEnabled(config) ? [['phone_number']] : [])],
      identification_strategies: ['email_address', ...(usernameOn ? ['username'] : []), ...(phoneSignInEnabled(config) ? ['phone_number'] : [])],
      first_factors: [...firstFactors, ...(phoneSignInEnabled(config) ? ['phone_code'] : [])],
      second_factors: secondFactorStrategies(config),
      email_address_verification_strategies: ['email_code'],
      enhanced_email_deliverability: false,
      test_mode: development,
      url_based_session_syncing: development,
    },
    display_config: {
      object: 'display_config',
      id: 'display_config_portico',
      instance_environment_type: config.instanceType,
      application_name: config.applicationName,
      branded: false,
      preferred_sign_in_strategy: passwordOn ? 'password' : 'otp',
      logo_image_url: null,
      favicon_image_url: null,
      home_url: null,
      // as configured: a path resolves against the app's own origin in the browser
      sign_in_url: config.signInUrl ?? null,
      sign_up_url: config.signUpUrl ?? null,
      user_profile_url: null,
      after_sign_in_url: null,
      after_sign_up_url: null,
      after_sign_out_one_url: null,
      after_sign_out_all_url: null,
      after_switch_session_url: null,
      support_email: null,
      terms_url: null,
      privacy_policy_url: null,
      help_url: null,
      show_devmode_warning: false,
      google_one_tap_client_id: null,
      experimental_force_oauth_first: false,
      captcha_public_key: null,
      captcha_public_key_invisible: null,
      captcha_widget_type: null,
      captcha_provider: 'turnstile',
      captcha_oauth_bypass: [],
      captcha_heartbeat: false,
    },
    user_settings: {
      attributes,
      social: {},
      saml: { enabled: false },
      enterprise_sso: { enabled: false },
      sign_in: { second_factor: { required: false, enabled: secondFactorStrategies(config).length > 0 } },
      sign_up: {
        captcha_enabled: false,
        captcha_widget_type: 'smart',
        custom_action_required: false,
        progressive: true,
        mode: 'public',
        legal_consent_enabled: signUp.legalConsent,
        mfa: { required: false },
      },
      restrictions: {
        allowlist: { enabled: false },
        blocklist: { enabled: false },
        block_email_subaddresses: { enabled: false },
        block_disposable_email_domains: { enabled: false },
        ignore_dots_for_gmail_addresses: { enabled: false },
      },
      password_settings: {
        min_length: passwords.minLength,
        max_length: passwords.maxLength,
        require_special_char: false,
        require_numbers: false,
        require_uppercase: false,
        require_lowercase: false,
        show_zxcvbn: false,
        min_zxcvbn_strength: 0,
        disable_hibp: !passwords.rejectCommon,
        enforce_hibp_on_sign_in: false,
        allowed_special_characters: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
      },
      username_settings: { min_length: USERNAME_MIN_LENGTH, max_length: USERNAME_MAX_LENGTH },
      actions: { delete_self: config.allowDeleteSelf, create_organization: config.organizations.enabled && config.organizations.allowCreation, create_organizations_limit: config.organizations.creationLimit || null },
      attack_protection: {
        user_lockout: { enabled: true, max_attempts: lockout.maxAttempts, duration_in_minutes: Math.ceil(lockout.durationSeconds / 60) },
        pii: { enabled: false },
        email_link: { require_same_client: false },
        enumeration_protection: { enabled: false },
      },
      passkey_settings: { allow_autofill: false, show_sign_in_button: false, satisfies_second_factor: false },
    },
    organization_settings: serializeOrganizationSettings(config),
    commerce_settings: {
      billing: {
        stripe_publishable_key: null,
        user: { enabled: false, has_paid_plans: false },
        organization: { enabled: false, has_paid_plans: false },
      },
    },
    api_keys_settings: { enabled: false, user_api_keys_enabled: false, orgs_api_keys_enabled: false },
    protect_config: { loaders: [] },
    maintenance_mode: false,
  }
}
