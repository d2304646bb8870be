import * as z from 'zod/mini'
import { timestampSchema } from './primitives'
import { sessionSchema } from './session'
import { signInSchema } from './signIn'
import { signUpSchema } from './signUp'

/**
 * The client (fapi.md 4.1): one browser's sessions plus its in-flight sign-in and sign-up. A server
 * piggybacks the current one on every mutating response and clients replace their state with it.
 */
export const clientSchema = z.looseObject({
  object: z.literal('client'),
  id: z.string(),
  sessions: z.array(sessionSchema),
  sign_in: z.nullable(signInSchema),
  sign_up: z.nullable(signUpSchema),
  last_active_session_id: z.nullable(z.string()),
  last_authentication_strategy: z.nullish(z.string()),
  // null or far away keeps clerk-js from bouncing through /v1/client/touch
  cookie_expires_at: z.nullish(timestampSchema),
  captcha_bypass: z.optional(z.boolean()),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** A client as parsed. */
export type ClientJSON = z.output<typeof clientSchema>
/** A client as the server may write it. */
export type ClientJSONInput = z.input<typeof clientSchema>
