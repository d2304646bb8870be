import * as z from 'zod/mini'
import { clientSchema } from './client'

/** The `meta` of one FAPI error; `param_name` names the offending form field. */
export const clerkErrorMetaSchema = z.looseObject({
  param_name: z.optional(z.string()),
  session_id: z.optional(z.string()),
  email_addresses: z.optional(z.array(z.string())),
  identifiers: z.optional(z.array(z.string())),
  zxcvbn: z.optional(z.looseObject({
    suggestions: z.optional(z.array(z.looseObject({ code: z.string(), message: z.string() }))),
  })),
})

/** One entry of `errors[]` (fapi.md 3.2). The spec requires `long_message`; clerk-js copes without it. */
export const clerkAPIErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  long_message: z.optional(z.string()),
  meta: z.optional(clerkErrorMetaSchema),
})

/** The body of every FAPI 4xx/5xx response; some carry the client in `meta.client`. */
export const clerkErrorEnvelopeSchema = z.looseObject({
  errors: z.array(clerkAPIErrorSchema),
  meta: z.optional(z.looseObject({
    client: z.nullish(clientSchema),
    session_id: z.optional(z.string()),
  })),
  clerk_trace_id: z.optional(z.string()),
})

/** One FAPI error as parsed. */
export type ClerkAPIErrorJSON = z.output<typeof clerkAPIErrorSchema>
/** The meta of one FAPI error as parsed. */
export type ClerkErrorMetaJSON = z.output<typeof clerkErrorMetaSchema>
/** An error envelope as parsed. */
export type ClerkErrorEnvelopeJSON = z.output<typeof clerkErrorEnvelopeSchema>
/** An error envelope as the server may write it. */
export type ClerkErrorEnvelopeJSONInput = z.input<typeof clerkErrorEnvelopeSchema>
