import * as z from 'zod'
import { timestampSchema } from '../primitives'

const toggle = z.enum(['on', 'off', 'required'])

/** `environment.auth_config` (fapi.md 4.13): clerk-js reads session mode, reverification and `session_minter`. */
export const authConfigSchema = z.looseObject({
  object: z.literal('auth_config').optional(),
  id: z.string().optional(),
  single_session_mode: z.boolean(),
  reverification: z.boolean().optional(),
  claimed_at: timestampSchema.nullable().optional(),
  preferred_channels: z.record(z.string(), z.string()).nullable().optional(),
  session_minter: z.boolean().optional(),
  first_name: toggle.optional(),
  last_name: toggle.optional(),
  email_address: toggle.optional(),
  phone_number: toggle.optional(),
  username: toggle.optional(),
  password: toggle.optional(),
  identification_requirements: z.array(z.array(z.string())).optional(),
  identification_strategies: z.array(z.string()).optional(),
  first_factors: z.array(z.string()).optional(),
  second_factors: z.array(z.string()).optional(),
  email_address_verification_strategies: z.array(z.string()).optional(),
  enhanced_email_deliverability: z.boolean().optional(),
  test_mode: z.boolean().optional(),
  url_based_session_syncing: z.boolean().optional(),
  cookieless_dev: z.boolean().optional(),
})

/** An auth config as parsed. */
export type AuthConfigJSON = z.output<typeof authConfigSchema>
