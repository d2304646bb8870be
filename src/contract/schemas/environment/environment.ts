import * as z from 'zod/mini'
import { authConfigSchema } from './authConfig'
import { displayConfigSchema } from './displayConfig'
import { organizationSettingsSchema } from './organizationSettings'
import { userSettingsSchema } from './userSettings'

const billingPartySchema = z.looseObject({ enabled: z.boolean(), has_paid_plans: z.boolean() })

/** `environment.commerce_settings`: clerk-js dereferences every nested field, so when present it must be complete. */
export const commerceSettingsSchema = z.looseObject({
  billing: z.looseObject({
    stripe_publishable_key: z.nullable(z.string()),
    user: billingPartySchema,
    organization: billingPartySchema,
  }),
})

/**
 * The bare `GET|PATCH /v1/environment` body (fapi.md 4.13). Real responses omit `object` and `id`, and
 * several newer sections, so only the four core sections are required.
 */
export const environmentSchema = z.looseObject({
  object: z.optional(z.literal('environment')),
  id: z.optional(z.string()),
  auth_config: authConfigSchema,
  display_config: displayConfigSchema,
  user_settings: userSettingsSchema,
  organization_settings: organizationSettingsSchema,
  commerce_settings: z.optional(commerceSettingsSchema),
  api_keys_settings: z.optional(z.looseObject({
    enabled: z.boolean(),
    user_api_keys_enabled: z.optional(z.boolean()),
    orgs_api_keys_enabled: z.optional(z.boolean()),
  })),
  protect_config: z.nullish(z.looseObject({ loaders: z.optional(z.array(z.unknown())) })),
  fraud_settings: z.nullish(z.looseObject({})),
  maintenance_mode: z.optional(z.boolean()),
  client_debug_mode: z.optional(z.boolean()),
  partitioned_cookies: z.optional(z.boolean()),
})

/** An environment as parsed. */
export type EnvironmentJSON = z.output<typeof environmentSchema>
/** An environment as the server may write it. */
export type EnvironmentJSONInput = z.input<typeof environmentSchema>
/** Commerce settings as parsed. */
export type CommerceSettingsJSON = z.output<typeof commerceSettingsSchema>
