import * as z from 'zod'
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
  sign_in: signInSchema.nullable(),
  sign_up: signUpSchema.nullable(),
  last_active_session_id: z.string().nullable(),
  last_authentication_strategy: z.string().nullable().optional(),
  // null or far away keeps clerk-js from bouncing through /v1/client/touch
  cookie_expires_at: timestampSchema.nullable().optional(),
  captcha_bypass: z.boolean().optional(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** A client as parsed. */
export type ClientJSON = z.output<typeof clientSchema>
/** A client as the server may write it. */
export type ClientJSONInput = z.input<typeof clientSchema>
