import * as z from 'zod/mini'
import { timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** A web3 wallet attached to a user. */
export const web3WalletSchema = z.looseObject({
  object: z.literal('web3_wallet'),
  id: z.string(),
  web3_wallet: z.string(),
  verification: z.nullish(verificationSchema),
  created_at: z.optional(timestampSchema),
  updated_at: z.optional(timestampSchema),
})

/** A web3 wallet as parsed. */
export type Web3WalletJSON = z.output<typeof web3WalletSchema>
