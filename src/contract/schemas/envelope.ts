import * as z from 'zod'
import { clientSchema } from './client'

/**
 * The wrapped success body `{response, client}` (fapi.md 3.1). `client` is the piggybacked current client,
 * null or absent when there is none; some responses put it in `meta.client` instead.
 *
 * @example
 * const body = parseContract(envelopeSchema(signInSchema), json, 'sign_in')
 */
export function envelopeSchema<T extends z.ZodType>(inner: T) {
  return z.looseObject({
    response: inner,
    client: clientSchema.nullable().optional(),
    meta: z.looseObject({
      client: clientSchema.nullable().optional(),
      session_id: z.string().optional(),
    }).optional(),
  })
}

/** A wrapped response whose `response` has the type `T`, as parsed. */
export type EnvelopeJSON<T> = z.output<ReturnType<typeof envelopeSchema<z.ZodType<T>>>>
