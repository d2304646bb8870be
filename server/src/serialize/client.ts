import type { PorticoConfig } from '../config'
import type { ClientJSONInput, SessionJSONInput } from '../contract'
import type { ClientGraph } from '../db/queries/clientGraph'
import { serializeSession } from './session'
import { serializeSignIn } from './signIn'
import { serializeSignUp } from './signUp'

/**
 * A client (fapi.md 4.1) from its graph and one fresh token per session: the piggybacked object
 * clerk-js replaces its whole state with.
 */
export function serializeClient(graph: ClientGraph, tokens: Map<string, string>, config: PorticoConfig, now: number): ClientJSONInput {
  const { client, signIn, signUp } = graph
  const sessions: SessionJSONInput[] = []
  for (const session of graph.sessions) {
    const user = graph.users.get(session.user_id)
    if (user)
      sessions.push(serializeSession(session, user, tokens.get(session.id) ?? null, config, now))
  }
  const lastActive = sessions.some(session => session.id === client.last_active_session_id) ? client.last_active_session_id : null
  const verification = (id: string | null) => id ? graph.verifications.get(id) ?? null : null
  return {
    object: 'client',
    id: client.id,
    sessions,
    sign_in: signIn ? serializeSignIn(signIn, signIn.user_id ? graph.users.get(signIn.user_id) : undefined, verification(signIn.first_factor_verification_id), config, now, verification(signIn.second_factor_verification_id)) : null,
    sign_up: signUp ? serializeSignUp(signUp, verification(signUp.email_verification_id), config, now, verification(signUp.phone_verification_id)) : null,
    last_active_session_id: lastActive,
    last_authentication_strategy: client.last_authentication_strategy,
    cookie_expires_at: client.cookie_expires_at,
    captcha_bypass: false,
    created_at: client.created_at,
    updated_at: client.updated_at,
  }
}
