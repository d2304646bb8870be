import type * as z from 'zod/mini'
import type { ClientJSON } from './fapiTypes'
import { clientSchema, parseContract } from '../../contract'

/**
 * The piggybacked client of a payload: `client`, else `meta.client` (used on some error bodies).
 * Returns `undefined` when there is none and `null` when the server explicitly sent `client: null`.
 */
export function readPiggybackedClient(payload: unknown): ClientJSON | null | undefined {
  if (!isRecord(payload))
    return undefined
  const meta = isRecord(payload.meta) ? payload.meta : undefined
  const raw = payload.client ?? meta?.client ?? (payload.client === null || meta?.client === null ? null : undefined)
  if (raw === undefined || raw === null)
    return raw
  return parseContract(clientSchema, raw, 'client')
}

/**
 * Parses a success payload with the caller's schema. Wrapped bodies (`{response, client}`) are
 * unwrapped first; bare bodies (environment, tokens, dev_browser) are parsed whole, so one schema
 * serves both, as clerk-js's `payload.response ?? payload` does.
 */
export function readFapiResponse<S extends z.core.$ZodType>(schema: S, payload: unknown, name: string): z.output<S> {
  const inner = isRecord(payload) && 'response' in payload ? payload.response : payload
  return parseContract(schema, inner, name)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
