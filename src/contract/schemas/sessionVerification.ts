import * as z from 'zod/mini'
import { factorSchema } from './factor'
import { sessionSchema } from './session'
import { verificationSchema } from './verification'

/** A reverification in progress on a session (`POST /client/sessions/:id/verify…`, fapi.md 4.11). */
export const sessionVerificationSchema = z.looseObject({
  object: z.literal('session_verification'),
  status: z.enum(['needs_first_factor', 'needs_second_factor', 'complete']),
  level: z.enum(['first_factor', 'second_factor', 'multi_factor']),
  session: sessionSchema,
  first_factor_verification: z.nullish(verificationSchema),
  second_factor_verification: z.nullish(verificationSchema),
  supported_first_factors: z.nullish(z.array(factorSchema)),
  supported_second_factors: z.nullish(z.array(factorSchema)),
})

/** A session verification as parsed. */
export type SessionVerificationJSON = z.output<typeof sessionVerificationSchema>
/** A session verification as the server may write it. */
export type SessionVerificationJSONInput = z.input<typeof sessionVerificationSchema>
