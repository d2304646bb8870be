import * as z from 'zod'
import { factorSchema } from './factor'
import { sessionSchema } from './session'
import { verificationSchema } from './verification'

/** A reverification in progress on a session (`POST /client/sessions/:id/verify…`, fapi.md 4.11). */
export const sessionVerificationSchema = z.looseObject({
  object: z.literal('session_verification'),
  status: z.enum(['needs_first_factor', 'needs_second_factor', 'complete']),
  level: z.enum(['first_factor', 'second_factor', 'multi_factor']),
  session: sessionSchema,
  first_factor_verification: verificationSchema.nullable().optional(),
  second_factor_verification: verificationSchema.nullable().optional(),
  supported_first_factors: z.array(factorSchema).nullable().optional(),
  supported_second_factors: z.array(factorSchema).nullable().optional(),
})

/** A session verification as parsed. */
export type SessionVerificationJSON = z.output<typeof sessionVerificationSchema>
/** A session verification as the server may write it. */
export type SessionVerificationJSONInput = z.input<typeof sessionVerificationSchema>
