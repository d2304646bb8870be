import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import {
  backupCodesSchema,
  clerkErrorEnvelopeSchema,
  clientSchema,
  deletedObjectSchema,
  devBrowserSchema,
  envelopeSchema,
  parseContract,
  sessionVerificationSchema,
  sessionWithActivitiesSchema,
  signInSchema,
  totpSchema,
} from '../../src/contract'
import { clientJSON, sessionJSON, signInJSON } from './fixtures/identity'

const T = 1_730_409_958_000

describe('envelopeSchema', () => {
  it('parses a wrapped response with its piggybacked client', () => {
    const body = parseContract(envelopeSchema(signInSchema), { response: signInJSON(), client: clientJSON() }, 'sign_in')
    expect(body.response.id).toBe('sia_1')
    expect(body.client?.id).toBe('client_2xyz')
  })

  it('accepts a null client', () => {
    expect(parseContract(envelopeSchema(signInSchema), { response: signInJSON(), client: null }, 'sign_in').client).toBeNull()
  })

  it('accepts an absent client', () => {
    expect(parseContract(envelopeSchema(signInSchema), { response: signInJSON() }, 'sign_in').client).toBeUndefined()
  })

  it('accepts the client in meta.client', () => {
    const body = parseContract(envelopeSchema(signInSchema), { response: signInJSON(), meta: { client: clientJSON() } }, 'sign_in')
    expect(body.meta?.client?.id).toBe('client_2xyz')
  })

  it('parses GET /client for an unknown browser', () => {
    const body = parseContract(envelopeSchema(z.nullable(clientSchema)), { response: null, client: null }, 'client')
    expect(body.response).toBeNull()
  })

  it('names the path inside the response', () => {
    expect(() => parseContract(envelopeSchema(signInSchema), { response: { ...signInJSON(), id: null }, client: null }, 'sign_in'))
      .toThrow('Invalid FAPI response for sign_in: response.id: expected string, received null')
  })
})

describe('deletedObjectSchema', () => {
  it('parses a deletion', () => {
    expect(parseContract(deletedObjectSchema, { object: 'email_address', id: 'idn_1', deleted: true }, 'deleted').deleted).toBe(true)
  })

  it('rejects deleted: false', () => {
    expect(() => parseContract(deletedObjectSchema, { object: 'user', id: 'user_1', deleted: false }, 'deleted')).toThrow('deleted: expected true')
  })
})

describe('clerkErrorEnvelopeSchema', () => {
  it('parses an error body with meta.param_name and a trace id', () => {
    const body = parseContract(clerkErrorEnvelopeSchema, {
      errors: [{ code: 'form_identifier_not_found', message: 'Couldn\'t find your account.', long_message: 'Couldn\'t find your account.', meta: { param_name: 'identifier' } }],
      meta: {},
      clerk_trace_id: 'trace_1',
    }, 'error')
    expect(body.errors[0]?.meta?.param_name).toBe('identifier')
  })

  it('accepts errors without long_message', () => {
    expect(parseContract(clerkErrorEnvelopeSchema, { errors: [{ code: 'x', message: 'y' }] }, 'error').errors[0]?.code).toBe('x')
  })

  it('rejects a body without errors', () => {
    expect(() => parseContract(clerkErrorEnvelopeSchema, { error: 'nope' }, 'error')).toThrow('errors: expected array, received undefined')
  })
})

describe('sessionWithActivitiesSchema', () => {
  it('parses a /me/sessions/active entry with user null and its latest activity', () => {
    const { user: _, ...session } = sessionJSON()
    const json = { ...session, user: null, latest_activity: { id: 'sess_activity_1', browser_name: 'Chrome', browser_version: '130.0', device_type: 'Macintosh', ip_address: '203.0.113.7', city: 'Lisbon', country: 'PT', is_mobile: false } }
    const parsed = parseContract(z.array(sessionWithActivitiesSchema), [json], 'active_sessions')
    expect(parsed[0]?.latest_activity?.browser_name).toBe('Chrome')
  })
})

describe('totpSchema and backupCodesSchema', () => {
  it('parses an unverified TOTP with its secret and URI', () => {
    const totp = parseContract(totpSchema, { object: 'totp', id: 'totp_1', secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/Portico:jane?secret=JBSWY3DPEHPK3PXP', verified: false, backup_codes: null, created_at: T, updated_at: T }, 'totp')
    expect(totp.verified).toBe(false)
  })

  it('parses backup codes', () => {
    expect(parseContract(backupCodesSchema, { object: 'backup_code', id: 'bc_1', codes: ['abcd1234', 'efgh5678'], created_at: T, updated_at: T }, 'backup_codes').codes).toHaveLength(2)
  })

  it('rejects a TOTP without verified', () => {
    expect(() => parseContract(totpSchema, { object: 'totp', id: 'totp_1' }, 'totp')).toThrow('verified: expected boolean, received undefined')
  })
})

describe('devBrowserSchema', () => {
  it('parses the dev-browser id', () => {
    expect(parseContract(devBrowserSchema, { id: 'dvb_2abc', instance_id: 'ins_1' }, 'dev_browser').id).toBe('dvb_2abc')
  })

  it('rejects an empty id', () => {
    expect(() => parseContract(devBrowserSchema, { id: '' }, 'dev_browser')).toThrow('Invalid FAPI response for dev_browser: id:')
  })
})

describe('sessionVerificationSchema', () => {
  it('parses a reverification waiting for its second factor', () => {
    const json = { object: 'session_verification', status: 'needs_second_factor', level: 'multi_factor', session: sessionJSON(), first_factor_verification: { status: 'verified', strategy: 'password' }, supported_second_factors: [{ strategy: 'totp' }] }
    expect(parseContract(sessionVerificationSchema, json, 'session_verification').supported_second_factors?.[0]?.strategy).toBe('totp')
  })

  it('names the session field that breaks it', () => {
    const { public_user_data: _, ...session } = sessionJSON()
    expect(() => parseContract(sessionVerificationSchema, { object: 'session_verification', status: 'complete', level: 'first_factor', session }, 'session_verification'))
      .toThrow('session.public_user_data: expected object, received undefined')
  })
})
