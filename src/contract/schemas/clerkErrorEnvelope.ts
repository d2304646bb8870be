import * as z from 'zod'
import { clientSchema } from './client'

/** The `meta` of one FAPI error; `param_name` names the offending form field. */
export const clerkErrorMetaSchema = z.looseObject({
  param_name: z.string().optional(),
  session_id: z.string().optional(),
  email_addresses: z.array(z.string()).optional(),
  identifiers: z.array(z.string()).optional(),
  zxcvbn: z.looseObject({
    suggestions: z.array(z.looseObject({ code: z.string(), message: z.string() })).optional(),
  }).optional(),
})

/** One entry of `errors[]` (fapi.md 3.2). The spec requires `long_message`; clerk-js copes without it. */
export const clerkAPIErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  long_message: z.string().optional(),
  meta: clerkErrorMetaSchema.optional(),
})

/** The body of every FAPI 4xx/5xx response; some carry the client in `meta.client`. */
export const clerkErrorEnvelopeSchema = z.looseObject({
  errors: z.array(clerkAPIErrorSchema),
  meta: z.looseObject({
    client: clientSchema.nullable().optional(),
    session_id: z.string().optional(),
  }).optional(),
  clerk_trace_id: z.string().optional(),
})

/** One FAPI error as parsed. */
export type ClerkAPIErrorJSON = z.output<typeof clerkAPIErrorSchema>
/** The meta of one FAPI error as parsed. */
export type ClerkErrorMetaJSON = z.output<typeof clerkErrorMetaSchema>
/** An error envelope as parsed. */
export type ClerkErrorEnvelopeJSON = z.output<typeof clerkErrorEnvelopeSchema>
/** An error envelope as the server may write it. */
export type ClerkErrorEnvelopeJSONInput = z.input<typeof clerkErrorEnvelopeSchema>
