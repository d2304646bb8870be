import * as z from 'zod'

/** One entry of a sign-in's `supported_first_factors` / `supported_second_factors` (fapi.md 4.7). */
export const factorSchema = z.looseObject({
  strategy: z.string(),
  // masked identifier shown to the user, e.g. `j***@example.com`
  safe_identifier: z.string().optional(),
  email_address_id: z.string().optional(),
  phone_number_id: z.string().optional(),
  web3_wallet_id: z.string().optional(),
  passkey_id: z.string().optional(),
  primary: z.boolean().nullable().optional(),
  default: z.boolean().optional(),
  channel: z.string().optional(),
  enterprise_connection_id: z.string().optional(),
  enterprise_connection_name: z.string().optional(),
})

/** A sign-in factor as parsed. */
export type FactorJSON = z.output<typeof factorSchema>
