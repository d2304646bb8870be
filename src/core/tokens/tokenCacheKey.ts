/** Which token a caller wants: a session, optionally a JWT template and an organization. */
export interface TokenKeyParams {
  /** The session the token belongs to (`sess_...`). */
  sessionId: string
  /** A JWT template name; omitted, `null` or `''` means the session token itself. */
  template?: string | null
  /** The active organization; omitted, `null` or `''` means the personal account. */
  organizationId?: string | null
}

/** A `TokenKeyParams` with its optional parts normalised to `string | null`. */
export interface TokenKey {
  sessionId: string
  template: string | null
  organizationId: string | null
}

/** Normalises the optional parts so `''`, `null` and `undefined` all name the same token. */
export function toTokenKey(params: TokenKeyParams): TokenKey {
  return {
    sessionId: params.sessionId,
    template: params.template || null,
    organizationId: params.organizationId || null,
  }
}

/** The cache key, `sessionId[-template][-orgId]`, the same shape clerk-js uses (fapi.md 5.2). */
export function tokenCacheKey(params: TokenKeyParams): string {
  const { sessionId, template, organizationId } = toTokenKey(params)
  return [sessionId, template, organizationId].filter(Boolean).join('-')
}
