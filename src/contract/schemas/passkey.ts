import * as z from 'zod/mini'
import { timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** A passkey registered by a user (`verification.nonce` carries the creation options while registering). */
export const passkeySchema = z.looseObject({
  object: z.literal('passkey'),
  id: z.string(),
  name: z.nullish(z.string()),
  last_used_at: z.nullish(timestampSchema),
  verification: z.nullish(verificationSchema),
  created_at: z.optional(timestampSchema),
  updated_at: z.optional(timestampSchema),
})

/** A passkey as parsed. */
export type PasskeyJSON = z.output<typeof passkeySchema>
