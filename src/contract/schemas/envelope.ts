import * as z from 'zod/mini'
import { clientSchema } from './client'

/**
 * The wrapped success body `{response, client}` (fapi.md 3.1). `client` is the piggybacked current client,
 * null or absent when there is none; some responses put it in `meta.client` instead.
 *
 * @example
 * const body = parseContract(envelopeSchema(signInSchema), json, 'sign_in')
 */
export function envelopeSchema<T extends z.core.$ZodType>(inner: T) {
  return z.looseObject({
    response: inner,
    client: z.nullish(clientSchema),
    meta: z.optional(z.looseObject({
      client: z.nullish(clientSchema),
      session_id: z.optional(z.string()),
    })),
  })
}

/** A wrapped response whose `response` has the type `T`, as parsed. */
export type EnvelopeJSON<T> = z.output<ReturnType<typeof envelopeSchema<z.core.$ZodType<T>>>>
