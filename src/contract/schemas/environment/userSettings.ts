import * as z from 'zod'

/** The attribute names of `user_settings.attributes` (real responses may add more, e.g. `ticket`). */
export const USER_SETTINGS_ATTRIBUTE_NAMES = Object.freeze([
  'email_address',
  'phone_number',
  'username',
  'web3_wallet',
  'first_name',
  'last_name',
  'password',
  'authenticator_app',
  'backup_code',
  'passkey',
] as const)

/** One attribute's settings: whether it is on, required, and what it can be used for. */
export const userSettingsAttributeSchema = z.looseObject({
  enabled: z.boolean(),
  required: z.boolean(),
  used_for_first_factor: z.boolean(),
  first_factors: z.array(z.string()),
  used_for_second_factor: z.boolean(),
  second_factors: z.array(z.string()),
  verifications: z.array(z.string()),
  verify_at_sign_up: z.boolean(),
  immutable: z.boolean().optional(),
  channels: z.array(z.string()).optional(),
})

/** One social provider's settings, keyed `oauth_<provider>` in `user_settings.social`. */
export const socialProviderSettingsSchema = z.looseObject({
  enabled: z.boolean(),
  required: z.boolean().optional(),
  authenticatable: z.boolean().optional(),
  strategy: z.string(),
  name: z.string().optional(),
  logo_url: z.string().nullable().optional(),
  block_email_subaddresses: z.boolean().optional(),
  not_selectable: z.boolean().optional(),
  deprecated: z.boolean().optional(),
})

const enabledFlag = z.looseObject({ enabled: z.boolean() })

/**
 * `environment.user_settings` (fapi.md 4.13). A present `attributes` map replaces clerk-js's defaults
 * wholesale, so a server should send every attribute.
 */
export const userSettingsSchema = z.looseObject({
  attributes: z.record(z.string(), userSettingsAttributeSchema),
  social: z.record(z.string(), socialProviderSettingsSchema).default({}),
  saml: enabledFlag.optional(),
  enterprise_sso: enabledFlag.optional(),
  sign_in: z.looseObject({
    second_factor: z.looseObject({ required: z.boolean(), enabled: z.boolean().optional() }).optional(),
  }).optional(),
  sign_up: z.looseObject({
    // must be false for a local server, or clerk-js loads Turnstile
    captcha_enabled: z.boolean().optional(),
    captcha_widget_type: z.string().nullable().optional(),
    custom_action_required: z.boolean().optional(),
    progressive: z.boolean().optional(),
    mode: z.enum(['public', 'restricted', 'waitlist']).optional(),
    legal_consent_enabled: z.boolean().optional(),
    allowlist_only: z.boolean().optional(),
    mfa: z.looseObject({ required: z.boolean() }).optional(),
  }).optional(),
  restrictions: z.record(z.string(), enabledFlag).optional(),
  password_settings: z.looseObject({
    min_length: z.number().int().nonnegative(),
    // 0 means the default of 72
    max_length: z.number().int().nonnegative(),
    require_special_char: z.boolean(),
    require_numbers: z.boolean(),
    require_uppercase: z.boolean(),
    require_lowercase: z.boolean(),
    show_zxcvbn: z.boolean(),
    min_zxcvbn_strength: z.number().int().nonnegative(),
    disable_hibp: z.boolean().optional(),
    enforce_hibp_on_sign_in: z.boolean().optional(),
    allowed_special_characters: z.string().optional(),
  }).optional(),
  username_settings: z.looseObject({
    min_length: z.number().int().nonnegative(),
    max_length: z.number().int().nonnegative(),
  }).optional(),
  actions: z.looseObject({
    delete_self: z.boolean().optional(),
    create_organization: z.boolean().optional(),
    create_organizations_limit: z.number().int().nonnegative().nullable().optional(),
  }).optional(),
  attack_protection: z.looseObject({}).optional(),
  passkey_settings: z.looseObject({
    allow_autofill: z.boolean().optional(),
    show_sign_in_button: z.boolean().optional(),
    satisfies_second_factor: z.boolean().optional(),
  }).optional(),
})

/** User settings as parsed. */
export type UserSettingsJSON = z.output<typeof userSettingsSchema>
/** One user-settings attribute as parsed. */
export type UserSettingsAttributeJSON = z.output<typeof userSettingsAttributeSchema>
/** A known attribute name of `user_settings.attributes`. */
export type UserSettingsAttributeName = typeof USER_SETTINGS_ATTRIBUTE_NAMES[number]
