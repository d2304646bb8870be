import * as z from 'zod/mini'

/** One entry of a sign-in's `supported_first_factors` / `supported_second_factors` (fapi.md 4.7). */
export const factorSchema = z.looseObject({
  strategy: z.string(),
  // masked identifier shown to the user, e.g. `j***@example.com`
  safe_identifier: z.optional(z.string()),
  email_address_id: z.optional(z.string()),
  phone_number_id: z.optional(z.string()),
  web3_wallet_id: z.optional(z.string()),
  passkey_id: z.optional(z.string()),
  primary: z.nullish(z.boolean()),
  default: z.optional(z.boolean()),
  channel: z.optional(z.string()),
  enterprise_connection_id: z.optional(z.string()),
  enterprise_connection_name: z.optional(z.string()),
})

/** A sign-in factor as parsed. */
export type FactorJSON = z.output<typeof factorSchema>
