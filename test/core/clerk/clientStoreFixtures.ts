import type { ClientJSON } from '../../../src/contract'
import type { ResourceContext } from '../../../src/core/resources/ResourceContext'
import type { TokenCache } from '../../../src/core/tokens'
import { afterEach } from 'vitest'
import { clientSchema } from '../../../src/contract'
import { createTokenCache } from '../../../src/core/tokens'
import { clientJSON, sessionJSON } from '../../contract/fixtures/identity'
import { makeJwt } from '../../contract/fixtures/jwt'

const NOW_S = Math.floor(Date.now() / 1000)

/** A session JWT valid for a minute from now, so the token cache keeps it. */
export function freshJwt(sessionId: string, iat = NOW_S): string {
  return makeJwt({ sub: 'user_2abc', sid: sessionId, iat, nbf: iat - 10, exp: iat + 60 })
}

/** A parsed session: active, personal account, with a fresh token. */
export function session(id: string, overrides: Record<string, unknown> = {}) {
  return {
    ...sessionJSON(),
    id,
    last_active_organization_id: null,
    last_active_token: { object: 'token', jwt: freshJwt(id) },
    ...overrides,
  }
}

/** A parsed client holding `sessions`, the last active one named. */
export function client(sessions: ReturnType<typeof session>[], lastActive: string | null, overrides: Record<string, unknown> = {}): ClientJSON {
  return clientSchema.parse({ ...clientJSON(), sign_in: null, sign_up: null, sessions, last_active_session_id: lastActive, ...overrides })
}

const caches: TokenCache[] = []
afterEach(() => {
  for (const cache of caches.splice(0))
    cache.destroy()
})

/** A real token cache that never refreshes on its own and fails loudly if it has to fetch. */
export function quietTokenCache(): TokenCache {
  const cache = createTokenCache({
    fetchToken: async () => {
      throw new Error('this test does not expect a token request')
    },
    backgroundRefresh: false,
    BroadcastChannel: null,
    window: null,
    document: null,
  })
  caches.push(cache)
  return cache
}

/** A resource context for state-machine tests: no request may leave it. */
export function offlineContext(tokens: TokenCache): ResourceContext {
  return {
    request: async () => {
      throw new Error('this test does not expect a network request')
    },
    getToken: request => tokens.getToken(request),
    clearTokens: sessionId => tokens.clear(sessionId),
    applyClient: () => {},
  }
}
