import type { Context } from 'hono'
import type { AppEnv } from '../appEnv'
import type { ClientRow } from '../db/rows'
import type { Deps } from '../deps'
import { setCookie } from 'hono/cookie'
import { preparedInsert } from '../db/preparedInsert'
import { findClient, findDevBrowserClient } from '../db/queries/clients'
import { FapiError } from '../errors/fapiError'
import { CLIENT_COOKIE } from '../middleware/clientIdentity'
import { newId, randomAlphanumeric } from '../utils/newId'
import { digestsEqual, sha256 } from '../utils/sha256'

const COOKIE_LIFETIME_SECONDS = 365 * 24 * 3600

/**
 * The request's client, looked up once per request: by the `__client` cookie (id, then the secret's
 * hash compared in constant time) or by the dev-browser token. A wrong secret reads as no client.
 * An unknown dev-browser token is `401 dev_browser_unauthenticated`, which makes clerk-js get a new one.
 */
export async function loadClient(c: Context<AppEnv>, deps: Deps): Promise<ClientRow | null> {
  const cached = c.get('client')
  if (cached !== undefined)
    return cached
  const credential = c.get('credential')
  let client: ClientRow | null = null
  if (credential?.kind === 'cookie') {
    const row = await findClient(deps.db.kysely, credential.clientId)
    client = row && digestsEqual(row.secret_hash, sha256(credential.secret)) ? row : null
  }
  else if (credential?.kind === 'devBrowser') {
    const found = await findDevBrowserClient(deps.db.kysely, sha256(credential.token))
    if (!found)
      throw new FapiError('dev_browser_unauthenticated')
    client = found.client
  }
  c.set('client', client)
  return client
}

/** Forgets the cached client so the next `loadClient` reads it again (after a change). */
export function forgetClient(c: Context<AppEnv>): void {
  c.set('client', undefined)
}

function issueCookie(c: Context<AppEnv>, deps: Deps, clientId: string, secret: string): number {
  const https = new URL(c.req.url).protocol === 'https:' || deps.config.publicUrl.startsWith('https:')
  setCookie(c, CLIENT_COOKIE, `${clientId}.${secret}`, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: https,
    path: '/',
    maxAge: COOKIE_LIFETIME_SECONDS,
  })
  return deps.clock() + COOKIE_LIFETIME_SECONDS * 1000
}

const insertClient = preparedInsert('clients', ['id', 'secret_hash', 'last_active_session_id', 'sign_in_id', 'sign_up_id', 'last_authentication_strategy', 'cookie_expires_at', 'created_at', 'updated_at'])

/**
 * The request's client, created on first contact (fapi.md 5.4): a new row bound to the dev-browser
 * token, or a new `__client` cookie (HttpOnly, SameSite=Lax, Secure on https).
 */
export async function ensureClient(c: Context<AppEnv>, deps: Deps): Promise<ClientRow> {
  const existing = await loadClient(c, deps)
  if (existing)
    return existing
  const credential = c.get('credential')
  const now = deps.clock()
  const secret = randomAlphanumeric(43)
  const id = newId('client')
  const devBrowser = credential?.kind === 'devBrowser'
  const cookieExpiresAt = devBrowser ? null : issueCookie(c, deps, id, secret)
  const row: ClientRow = {
    id,
    secret_hash: sha256(secret),
    last_active_session_id: null,
    sign_in_id: null,
    sign_up_id: null,
    last_authentication_strategy: null,
    cookie_expires_at: cookieExpiresAt,
    created_at: now,
    updated_at: now,
  }
  if (devBrowser) {
    await deps.db.kysely.transaction().execute(async (trx) => {
      await insertClient(trx, row)
      await trx.updateTable('dev_browsers').set({ client_id: id }).where('token_hash', '=', sha256(credential.token)).execute()
    })
  }
  else {
    // one statement: atomic without a transaction
    await insertClient(deps.db.kysely, row)
  }
  if (!devBrowser)
    c.set('credential', { kind: 'cookie', clientId: id, secret })
  c.set('client', row)
  c.set('clientCreated', true)
  return row
}

/**
 * Gives the cookie a new secret (and a new year) when a session is created, so a client cookie planted
 * before sign-in cannot ride the new session (session fixation, SE-3). Dev-browser clients keep their token.
 */
export async function rotateClientSecret(c: Context<AppEnv>, deps: Deps, client: ClientRow): Promise<void> {
  if (c.get('credential')?.kind === 'devBrowser' || c.get('clientCreated'))
    return
  const secret = randomAlphanumeric(43)
  const cookieExpiresAt = issueCookie(c, deps, client.id, secret)
  await deps.db.kysely.updateTable('clients')
    .set({ secret_hash: sha256(secret), cookie_expires_at: cookieExpiresAt })
    .where('id', '=', client.id)
    .execute()
  // the rest of this request speaks with the new secret, as the browser will from now on
  c.set('credential', { kind: 'cookie', clientId: client.id, secret })
  forgetClient(c)
}

/** A new dev-browser token (`dvb_…`); only its hash is stored. */
export async function createDevBrowser(deps: Deps): Promise<string> {
  const token = `dvb_${randomAlphanumeric(40)}`
  await deps.db.kysely.insertInto('dev_browsers').values({
    id: newId('devb'),
    token_hash: sha256(token),
    client_id: null,
    created_at: deps.clock(),
  }).execute()
  return token
}
