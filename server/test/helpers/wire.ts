import type * as z from 'zod/mini'
import type { clientSchema } from '../../src/contract'
import type { TestResponse } from './testBrowser'
import { expect } from 'vitest'
import { clerkErrorEnvelopeSchema, envelopeSchema, parseContract } from '../../src/contract'

/** Asserts a 200 wrapped envelope and parses it with the contract: `response` with `schema`, `client` as a client. */
export function expectEnvelope<S extends z.core.$ZodType>(res: TestResponse, schema: S): { response: z.output<S>, client: z.output<typeof clientSchema> | null | undefined } {
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  const parsed = parseContract(envelopeSchema(schema), res.body, 'envelope')
  return { response: parsed.response as z.output<S>, client: parsed.client }
}

/** Asserts Clerk's error envelope with this status and code (and `meta.param_name` when given). */
export function expectError(res: TestResponse, status: number, code: string, paramName?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  const envelope = parseContract(clerkErrorEnvelopeSchema, res.body, 'error')
  expect(envelope.errors[0]?.code).toBe(code)
  expect(envelope.errors[0]?.long_message).toEqual(expect.any(String))
  if (paramName !== undefined)
    expect(envelope.errors[0]?.meta?.param_name).toBe(paramName)
}

/** Every `*_at` key anywhere in a JSON value, with its value. */
export function timestamps(value: unknown, found: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(value)) {
    for (const item of value)
      timestamps(item, found)
  }
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.endsWith('_at') && item !== null)
        found.push([key, item])
      timestamps(item, found)
    }
  }
  return found
}
