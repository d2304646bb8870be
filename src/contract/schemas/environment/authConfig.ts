import * as z from 'zod/mini'
import { timestampSchema } from '../primitives'

const toggle = z.enum(['on', 'off', 'required'])

/** `environment.auth_config` (fapi.md 4.13): clerk-js reads session mode, reverification and `session_minter`. */
export const authConfigSchema = z.looseObject({
  object: z.optional(z.literal('auth_config')),
  id: z.optional(z.string()),
  single_session_mode: z.boolean(),
  reverification: z.optional(z.boolean()),
  claimed_at: z.nullish(timestampSchema),
  preferred_channels: z.nullish(z.record(z.string(), z.string())),
  session_minter: z.optional(z.boolean()),
  first_name: z.optional(toggle),
  last_name: z.optional(toggle),
  email_address: z.optional(toggle),
  phone_number: z.optional(toggle),
  username: z.optional(toggle),
  password: z.optional(toggle),
  identification_requirements: z.optional(z.array(z.array(z.string()))),
  identification_strategies: z.optional(z.array(z.string())),
  first_factors: z.optional(z.array(z.string())),
  second_factors: z.optional(z.array(z.string())),
  email_address_verification_strategies: z.optional(z.array(z.string())),
  enhanced_email_deliverability: z.optional(z.boolean()),
  test_mode: z.optional(z.boolean()),
  url_based_session_syncing: z.optional(z.boolean()),
  cookieless_dev: z.optional(z.boolean()),
})

/** An auth config as parsed. */
export type AuthConfigJSON = z.output<typeof authConfigSchema>
