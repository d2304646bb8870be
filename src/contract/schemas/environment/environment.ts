import * as z from 'zod'
import { authConfigSchema } from './authConfig'
import { displayConfigSchema } from './displayConfig'
import { organizationSettingsSchema } from './organizationSettings'
import { userSettingsSchema } from './userSettings'

const billingPartySchema = z.looseObject({ enabled: z.boolean(), has_paid_plans: z.boolean() })

/** `environment.commerce_settings`: clerk-js dereferences every nested field, so when present it must be complete. */
export const commerceSettingsSchema = z.looseObject({
  billing: z.looseObject({
    stripe_publishable_key: z.string().nullable(),
    user: billingPartySchema,
    organization: billingPartySchema,
  }),
})

/**
 * The bare `GET|PATCH /v1/environment` body (fapi.md 4.13). Real responses omit `object` and `id`, and
 * several newer sections, so only the four core sections are required.
 */
export const environmentSchema = z.looseObject({
  object: z.literal('environment').optional(),
  id: z.string().optional(),
  auth_config: authConfigSchema,
  display_config: displayConfigSchema,
  user_settings: userSettingsSchema,
  organization_settings: organizationSettingsSchema,
  commerce_settings: commerceSettingsSchema.optional(),
  api_keys_settings: z.looseObject({
    enabled: z.boolean(),
    user_api_keys_enabled: z.boolean().optional(),
    orgs_api_keys_enabled: z.boolean().optional(),
  }).optional(),
  protect_config: z.looseObject({ loaders: z.array(z.unknown()).optional() }).nullable().optional(),
  fraud_settings: z.looseObject({}).nullable().optional(),
  maintenance_mode: z.boolean().optional(),
  client_debug_mode: z.boolean().optional(),
  partitioned_cookies: z.boolean().optional(),
})

/** An environment as parsed. */
export type EnvironmentJSON = z.output<typeof environmentSchema>
/** An environment as the server may write it. */
export type EnvironmentJSONInput = z.input<typeof environmentSchema>
/** Commerce settings as parsed. */
export type CommerceSettingsJSON = z.output<typeof commerceSettingsSchema>
