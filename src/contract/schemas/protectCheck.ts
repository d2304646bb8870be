import * as z from 'zod/mini'
import { timestampSchema } from './primitives'

/** A pending bot-protection challenge on a sign-in or sign-up (`needs_protect_check`). */
export const protectCheckSchema = z.looseObject({
  status: z.string(),
  token: z.string(),
  sdk_url: z.string(),
  expires_at: z.nullish(timestampSchema),
  ui_hints: z.optional(z.unknown()),
})

/** A protect check as parsed. */
export type ProtectCheckJSON = z.output<typeof protectCheckSchema>
