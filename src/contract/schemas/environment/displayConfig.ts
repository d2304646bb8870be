import * as z from 'zod'

const text = z.string().nullable().optional()

/**
 * `environment.display_config` (fapi.md 4.13): instance type, branding and the hosted URLs. clerk-js falls
 * back to a default for every missing field, so only the instance type and application name are required.
 */
export const displayConfigSchema = z.looseObject({
  object: z.literal('display_config').optional(),
  id: z.string().optional(),
  instance_environment_type: z.enum(['development', 'production', 'staging']),
  application_name: z.string(),
  branded: z.boolean().optional(),
  theme: z.looseObject({}).optional(),
  preferred_sign_in_strategy: z.enum(['password', 'otp']).optional(),
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
  show_devmode_warning: z.boolean().optional(),
  google_one_tap_client_id: text,
  experimental_force_oauth_first: z.boolean().optional(),
  captcha_public_key: text,
  captcha_public_key_invisible: text,
  captcha_widget_type: z.enum(['smart', 'invisible']).nullable().optional(),
  captcha_provider: z.string().nullable().optional(),
  captcha_oauth_bypass: z.array(z.string()).nullable().optional(),
  captcha_heartbeat: z.boolean().optional(),
  captcha_heartbeat_interval_ms: z.number().int().nonnegative().optional(),
})

/** A display config as parsed. */
export type DisplayConfigJSON = z.output<typeof displayConfigSchema>
