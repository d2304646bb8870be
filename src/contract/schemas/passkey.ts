import * as z from 'zod'
import { timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** A passkey registered by a user (`verification.nonce` carries the creation options while registering). */
export const passkeySchema = z.looseObject({
  object: z.literal('passkey'),
  id: z.string(),
  name: z.string().nullable().optional(),
  last_used_at: timestampSchema.nullable().optional(),
  verification: verificationSchema.nullable().optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
})

/** A passkey as parsed. */
export type PasskeyJSON = z.output<typeof passkeySchema>
