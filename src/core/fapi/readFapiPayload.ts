import type { ClientJSON } from './fapiTypes'
import { readContract } from './readContract'

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
  return readContract('client', raw, 'client')
}

/**
 * The part of a success payload its contract describes: `response` of a wrapped body
 * (`{response, client}`), the whole of a bare one (environment, tokens, dev_browser), so one
 * contract serves both, as clerk-js's `payload.response ?? payload` does.
 */
export function unwrapResponse(payload: unknown): unknown {
  return isRecord(payload) && 'response' in payload ? payload.response : payload
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
