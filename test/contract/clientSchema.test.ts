import { describe, expect, it } from 'vitest'
import {
  ClerkContractError,
  clientSchema,
  emailAddressSchema,
  parseContract,
  phoneNumberSchema,
  sessionSchema,
  signInSchema,
  signUpSchema,
  tokenSchema,
  userSchema,
  verificationSchema,
} from '../../src/contract'
import { clientJSON, emailAddressJSON, phoneNumberJSON, sessionJSON, signInJSON, signUpJSON, userJSON } from './fixtures/identity'
import { makeJwt, v1Claims } from './fixtures/jwt'

function messageOf(run: () => unknown): string {
  try {
    run()
  }
  catch (error) {
    expect(error).toBeInstanceOf(ClerkContractError)
    return (error as Error).message
  }
  throw new Error('expected the parse to fail')
}

describe('clientSchema', () => {
  it('parses a full client with a session, a sign-in and a sign-up mid-flow', () => {
    const client = parseContract(clientSchema, clientJSON(), 'client')
    expect(client.sessions[0]?.user.email_addresses[0]?.email_address).toBe('jane@example.com')
    expect(client.sign_in?.supported_first_factors?.[1]?.safe_identifier).toBe('j***@example.com')
    expect(client.sign_up?.verifications?.email_address?.next_action).toBe('needs_attempt')
  })

  it('keeps unknown keys at every level', () => {
    const json = clientJSON()
    const tagged = { ...json, future_flag: true, sessions: [{ ...json.sessions[0], shiny: 1 }] }
    const client = parseContract(clientSchema, tagged, 'client')
    expect(client.future_flag).toBe(true)
    expect(client.sessions[0]?.shiny).toBe(1)
  })

  it('accepts an empty client without sign-in, sign-up or sessions', () => {
    const client = parseContract(clientSchema, { ...clientJSON(), sessions: [], sign_in: null, sign_up: null, last_active_session_id: null }, 'client')
    expect(client.sessions).toEqual([])
  })

  it('names the field path when a nested user id is missing', () => {
    const json = clientJSON()
    const { id: _, ...userWithoutId } = json.sessions[0]!.user
    const broken = { ...json, sessions: [{ ...json.sessions[0], user: userWithoutId }] }
    expect(messageOf(() => parseContract(clientSchema, broken, 'client')))
      .toBe('Invalid FAPI response for client: sessions[0].user.id: expected string, received undefined')
  })

  it('rejects second-based timestamps given as floats', () => {
    expect(messageOf(() => parseContract(clientSchema, { ...clientJSON(), updated_at: 1730409958.5 }, 'client')))
      .toContain('updated_at: expected int')
  })
})

describe('sessionSchema', () => {
  it('rejects a session without user (clerk-js needs it)', () => {
    const { user: _, ...session } = sessionJSON()
    expect(messageOf(() => parseContract(sessionSchema, session, 'session'))).toContain('session: user: expected object')
  })

  it('rejects a session without public_user_data', () => {
    const { public_user_data: _, ...session } = sessionJSON()
    expect(messageOf(() => parseContract(sessionSchema, session, 'session'))).toContain('public_user_data: expected object')
  })

  it('rejects an active session whose last_active_token is null', () => {
    expect(messageOf(() => parseContract(sessionSchema, { ...sessionJSON(), last_active_token: null }, 'session')))
      .toContain('last_active_token: an active session needs a last_active_token')
  })

  it('accepts an ended session without a token', () => {
    const session = parseContract(sessionSchema, { ...sessionJSON(), status: 'ended', last_active_token: null }, 'session')
    expect(session.status).toBe('ended')
  })

  it('rejects a token that is not a decodable JWT', () => {
    const json = { ...sessionJSON(), last_active_token: { object: 'token', jwt: 'not-a-jwt' } }
    expect(messageOf(() => parseContract(sessionSchema, json, 'session'))).toContain('last_active_token.jwt: expected a decodable JWT')
  })

  it('rejects an active organization the user has no membership for', () => {
    const json = { ...sessionJSON(), last_active_organization_id: 'org_other' }
    expect(messageOf(() => parseContract(sessionSchema, json, 'session')))
      .toContain('last_active_organization_id: user.organization_memberships has no membership with a role for org_other')
  })

  it('treats an empty last_active_organization_id as the personal account', () => {
    const session = parseContract(sessionSchema, { ...sessionJSON(), last_active_organization_id: '' }, 'session')
    expect(session.last_active_organization_id).toBe('')
  })

  it('rejects an unknown session status', () => {
    expect(messageOf(() => parseContract(sessionSchema, { ...sessionJSON(), status: 'dozing' }, 'session'))).toContain('status: Invalid option')
  })

  it('parses an impersonation actor and factor ages', () => {
    const session = parseContract(sessionSchema, { ...sessionJSON(), actor: { sub: 'user_admin', type: 'agent' } }, 'session')
    expect(session.actor?.sub).toBe('user_admin')
    expect(session.factor_verification_age).toEqual([12, 5])
  })
})

describe('userSchema', () => {
  it('parses a user with emails, phones and memberships', () => {
    const user = parseContract(userSchema, userJSON(), 'user')
    expect(user.phone_numbers[0]?.phone_number).toBe('+15555550100')
    expect(user.organization_memberships[0]?.permissions).toContain('org:invoices:create')
  })

  it('defaults the identification lists older FAPI versions omit', () => {
    const { web3_wallets: _w, passkeys: _p, enterprise_accounts: _e, organization_memberships: _o, ...older } = userJSON()
    const user = parseContract(userSchema, older, 'user')
    expect(user.passkeys).toEqual([])
    expect(user.organization_memberships).toEqual([])
  })

  it('rejects a user whose email_addresses is not a list', () => {
    expect(messageOf(() => parseContract(userSchema, { ...userJSON(), email_addresses: null }, 'user')))
      .toBe('Invalid FAPI response for user: email_addresses: expected array, received null')
  })
})

describe('emailAddressSchema and phoneNumberSchema', () => {
  it('parses an email address without timestamps, as older payloads send it', () => {
    const { created_at: _c, updated_at: _u, ...older } = emailAddressJSON()
    expect(parseContract(emailAddressSchema, older, 'email_address').linked_to[0]?.type).toBe('oauth_google')
  })

  it('parses a phone number with its 2FA flags', () => {
    expect(parseContract(phoneNumberSchema, phoneNumberJSON(), 'phone_number').default_second_factor).toBe(true)
  })

  it('rejects an email address with the wrong object tag', () => {
    expect(messageOf(() => parseContract(emailAddressSchema, { ...emailAddressJSON(), object: 'phone_number' }, 'email_address')))
      .toContain('object: expected "email_address"')
  })
})

describe('verificationSchema', () => {
  it('accepts an OAuth verification with an absolute redirect URL', () => {
    const json = { status: 'unverified', strategy: 'oauth_google', attempts: null, expire_at: null, external_verification_redirect_url: 'https://accounts.google.com/o/oauth2/auth?x=1' }
    expect(parseContract(verificationSchema, json, 'verification').external_verification_redirect_url).toContain('google')
  })

  it('rejects a relative external_verification_redirect_url (clerk-js calls new URL on it)', () => {
    const json = { status: 'unverified', strategy: 'oauth_google', external_verification_redirect_url: '/oauth/start' }
    expect(messageOf(() => parseContract(verificationSchema, json, 'verification'))).toContain('external_verification_redirect_url')
  })
})

describe('signInSchema', () => {
  it.each(['sign_in_attempt', 'sign_in'])('accepts the object tag %s', (object) => {
    expect(parseContract(signInSchema, { ...signInJSON(), object }, 'sign_in').object).toBe(object)
  })

  it('parses a completed sign-in with its created session', () => {
    const signIn = parseContract(signInSchema, { ...signInJSON(), status: 'complete', created_session_id: 'sess_2abc' }, 'sign_in')
    expect(signIn.created_session_id).toBe('sess_2abc')
  })

  it('names the factor whose strategy is missing', () => {
    const json = signInJSON()
    const broken = { ...json, supported_first_factors: [{ strategy: 'password' }, { safe_identifier: 'x' }] }
    expect(messageOf(() => parseContract(signInSchema, broken, 'sign_in')))
      .toBe('Invalid FAPI response for sign_in: supported_first_factors[1].strategy: expected string, received undefined')
  })
})

describe('signUpSchema', () => {
  it('parses a sign-up waiting for its email code', () => {
    const signUp = parseContract(signUpSchema, signUpJSON(), 'sign_up')
    expect(signUp.unverified_fields).toEqual(['email_address'])
    expect(signUp.verifications?.email_address?.supported_strategies).toEqual(['email_code'])
  })

  it('defaults the field lists when absent', () => {
    const { required_fields: _r, optional_fields: _o, ...json } = signUpJSON()
    expect(parseContract(signUpSchema, json, 'sign_up').required_fields).toEqual([])
  })

  it('rejects an unknown sign-up status', () => {
    expect(messageOf(() => parseContract(signUpSchema, { ...signUpJSON(), status: 'needs_identifier' }, 'sign_up'))).toContain('status:')
  })
})

describe('tokenSchema', () => {
  it('parses a bare tokens response', () => {
    const token = parseContract(tokenSchema, { object: 'token', jwt: makeJwt(v1Claims) }, 'token')
    expect(token.jwt.split('.')).toHaveLength(3)
  })

  it('rejects a token whose payload is not JSON', () => {
    expect(messageOf(() => parseContract(tokenSchema, { object: 'token', jwt: 'eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.sig' }, 'token')))
      .toContain('token: jwt: expected a decodable JWT')
  })
})
