/** The smallest client the contract accepts: no sessions, no sign-in or sign-up in flight. */
export function clientJSON(overrides: Record<string, unknown> = {}) {
  return {
    object: 'client',
    id: 'client_1',
    sessions: [],
    sign_in: null,
    sign_up: null,
    last_active_session_id: null,
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
    ...overrides,
  }
}

/** A FAPI error body (fapi.md 3.2) with one error. */
export function fapiErrorBody(code: string, longMessage: string, meta: Record<string, unknown> = {}) {
  return {
    errors: [{ code, message: longMessage.toLowerCase(), long_message: longMessage, meta }],
    meta: {},
    clerk_trace_id: 'trace_123',
  }
}

function base64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}

/** A decodable (unsigned) session JWT: the transport only needs the contract to accept it. */
export function fakeJwt(claims: Record<string, unknown> = {}): string {
  return `${base64url({ alg: 'RS256', kid: 'ins_1' })}.${base64url({ sub: 'user_1', sid: 'sess_1', iat: 1, exp: 61, ...claims })}.sig`
}
