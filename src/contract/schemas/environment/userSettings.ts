import * as z from 'zod/mini'

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
  immutable: z.optional(z.boolean()),
  channels: z.optional(z.array(z.string())),
})

/** One social provider's settings, keyed `oauth_<provider>` in `user_settings.social`. */
export const socialProviderSettingsSchema = z.looseObject({
  enabled: z.boolean(),
  required: z.optional(z.boolean()),
  authenticatable: z.optional(z.boolean()),
  strategy: z.string(),
  name: z.optional(z.string()),
  logo_url: z.nullish(z.string()),
  block_email_subaddresses: z.optional(z.boolean()),
  not_selectable: z.optional(z.boolean()),
  deprecated: z.optional(z.boolean()),
})

const enabledFlag = z.looseObject({ enabled: z.boolean() })

/**
 * `environment.user_settings` (fapi.md 4.13). A present `attributes` map replaces clerk-js's defaults
 * wholesale, so a server should send every attribute.
 */
export const userSettingsSchema = z.looseObject({
  attributes: z.record(z.string(), userSettingsAttributeSchema),
  social: z._default(z.record(z.string(), socialProviderSettingsSchema), {}),
  saml: z.optional(enabledFlag),
  enterprise_sso: z.optional(enabledFlag),
  sign_in: z.optional(z.looseObject({
    second_factor: z.optional(z.looseObject({ required: z.boolean(), enabled: z.optional(z.boolean()) })),
  })),
  sign_up: z.optional(z.looseObject({
    // must be false for a local server, or clerk-js loads Turnstile
    captcha_enabled: z.optional(z.boolean()),
    captcha_widget_type: z.nullish(z.string()),
    custom_action_required: z.optional(z.boolean()),
    progressive: z.optional(z.boolean()),
    mode: z.optional(z.enum(['public', 'restricted', 'waitlist'])),
    legal_consent_enabled: z.optional(z.boolean()),
    allowlist_only: z.optional(z.boolean()),
    mfa: z.optional(z.looseObject({ required: z.boolean() })),
  })),
  restrictions: z.optional(z.record(z.string(), enabledFlag)),
  password_settings: z.optional(z.looseObject({
    min_length: z.int().check(z.nonnegative()),
    // 0 means the default of 72
    max_length: z.int().check(z.nonnegative()),
    require_special_char: z.boolean(),
    require_numbers: z.boolean(),
    require_uppercase: z.boolean(),
    require_lowercase: z.boolean(),
    show_zxcvbn: z.boolean(),
    min_zxcvbn_strength: z.int().check(z.nonnegative()),
    disable_hibp: z.optional(z.boolean()),
    enforce_hibp_on_sign_in: z.optional(z.boolean()),
    allowed_special_characters: z.optional(z.string()),
  })),
  username_settings: z.optional(z.looseObject({
    min_length: z.int().check(z.nonnegative()),
    max_length: z.int().check(z.nonnegative()),
  })),
  actions: z.optional(z.looseObject({
    delete_self: z.optional(z.boolean()),
    create_organization: z.optional(z.boolean()),
    create_organizations_limit: z.nullish(z.int().check(z.nonnegative())),
  })),
  attack_protection: z.optional(z.looseObject({})),
  passkey_settings: z.optional(z.looseObject({
    allow_autofill: z.optional(z.boolean()),
    show_sign_in_button: z.optional(z.boolean()),
    satisfies_second_factor: z.optional(z.boolean()),
  })),
})

/** User settings as parsed. */
export type UserSettingsJSON = z.output<typeof userSettingsSchema>
/** One user-settings attribute as parsed. */
export type UserSettingsAttributeJSON = z.output<typeof userSettingsAttributeSchema>
/** A known attribute name of `user_settings.attributes`. */
export type UserSettingsAttributeName = typeof USER_SETTINGS_ATTRIBUTE_NAMES[number]
