import * as z from 'zod'

/** A FAPI `*_at` timestamp: integer milliseconds since the Unix epoch (JWT claims use seconds instead). */
export const timestampSchema = z.number().int().nonnegative()

/** A metadata bag (`public_metadata`, `unsafe_metadata`); absent means empty. */
export const metadataSchema = z.record(z.string(), z.unknown()).default({})

/** A list of strings that real FAPI sometimes omits; absent means empty. */
export const stringListSchema = z.array(z.string()).default([])
