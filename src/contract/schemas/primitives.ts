import * as z from 'zod/mini'

/** A FAPI `*_at` timestamp: integer milliseconds since the Unix epoch (JWT claims use seconds instead). */
export const timestampSchema = z.int().check(z.nonnegative())

/** A metadata bag (`public_metadata`, `unsafe_metadata`); absent means empty. */
export const metadataSchema = z._default(z.record(z.string(), z.unknown()), {})

/** A list of strings that real FAPI sometimes omits; absent means empty. */
export const stringListSchema = z._default(z.array(z.string()), [])
