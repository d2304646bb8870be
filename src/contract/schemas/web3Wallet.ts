import * as z from 'zod'
import { timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** A web3 wallet attached to a user. */
export const web3WalletSchema = z.looseObject({
  object: z.literal('web3_wallet'),
  id: z.string(),
  web3_wallet: z.string(),
  verification: verificationSchema.nullable().optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
})

/** A web3 wallet as parsed. */
export type Web3WalletJSON = z.output<typeof web3WalletSchema>
