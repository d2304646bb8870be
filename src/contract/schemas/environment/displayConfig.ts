import * as z from 'zod/mini'

const text = z.nullish(z.string())

/**
 * `environment.display_config` (fapi.md 4.13): instance type, branding and the hosted URLs. clerk-js falls
 * back to a default for every missing field, so only the instance type and application name are required.
 */
export const displayConfigSchema = z.looseObject({
  object: z.optional(z.literal('display_config')),
  id: z.optional(z.string()),
  instance_environment_type: z.enum(['development', 'production', 'staging']),
  application_name: z.string(),
  branded: z.optional(z.boolean()),
  theme: z.optional(z.looseObject({})),
  preferred_sign_in_strategy: z.optional(z.enum(['password', 'otp'])),
  logo_image_url: text,
  favicon_image_url: text,
  home_url: text,
  sign_in_url: text,
  sign_up_url: text,
  user_profile_url: text,
  organization_profile_url: text,
  create_organization_url: text,
  waitlist_url: text,
  oauth_consent_url: text,
  after_sign_in_url: text,
  after_sign_up_url: text,
  after_sign_out_one_url: text,
  after_sign_out_all_url: text,
  after_switch_session_url: text,
  after_leave_organization_url: text,
  after_create_organization_url: text,
  after_join_waitlist_url: text,
  logo_link_url: text,
  support_email: text,
  terms_url: text,
  privacy_policy_url: text,
  help_url: text,
  clerk_js_version: text,
  show_devmode_warning: z.optional(z.boolean()),
  google_one_tap_client_id: text,
  experimental_force_oauth_first: z.optional(z.boolean()),
  captcha_public_key: text,
  captcha_public_key_invisible: text,
  captcha_widget_type: z.nullish(z.enum(['smart', 'invisible'])),
  captcha_provider: z.nullish(z.string()),
  captcha_oauth_bypass: z.nullish(z.array(z.string())),
  captcha_heartbeat: z.optional(z.boolean()),
  captcha_heartbeat_interval_ms: z.optional(z.int().check(z.nonnegative())),
})

/** A display config as parsed. */
export type DisplayConfigJSON = z.output<typeof displayConfigSchema>
