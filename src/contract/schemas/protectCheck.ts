import * as z from 'zod'
import { timestampSchema } from './primitives'

/** A pending bot-protection challenge on a sign-in or sign-up (`needs_protect_check`). */
export const protectCheckSchema = z.looseObject({
  status: z.string(),
  token: z.string(),
  sdk_url: z.string(),
  expires_at: timestampSchema.nullable().optional(),
  ui_hints: z.unknown().optional(),
})

/** A protect check as parsed. */
export type ProtectCheckJSON = z.output<typeof protectCheckSchema>
