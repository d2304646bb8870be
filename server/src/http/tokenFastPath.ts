import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { Deps } from '../deps'
import { FapiError } from '../errors/fapiError'
import { azpOf } from '../middleware/azp'
import { credentialOf } from '../middleware/clientIdentity'
import { applyCorsHeaders } from '../middleware/cors'
import { isMigrated } from '../middleware/migrated'
import { answerableError, errorEnvelope, errorHeaders } from '../middleware/onError'
import { isOriginAccepted } from '../middleware/originCheck'
import { formOfText, MAX_BODY_BYTES, mediaType, readIncoming } from '../middleware/parseBody'
import { applySecurityHeaders } from '../middleware/securityHeaders'
import { sessionTokenRequest } from '../services/sessionTokenRequest'
import { HeaderRecord } from './headerTarget'
import { incomingHeader } from './requestHeader'

// the canonical form only: trailing or doubled slashes, encoded ids and the like take the Hono path
const TOKEN_PATH = /^\/v1\/client\/sessions\/([\w-]+)\/tokens$/
const TEXT_TYPES = new Set(['application/x-www-form-urlencoded', 'application/json', ''])

const utf8 = new TextDecoder()

/** The parts of a token request the fast path serves, or undefined when the Hono app must serve it. */
interface Eligible {
  path: string
  sessionId: string
  query: URLSearchParams
  type: string
}

function eligible(incoming: IncomingMessage): Eligible | undefined {
  if (incoming.method !== 'POST')
    return undefined
  const url = incoming.url ?? ''
  const queryAt = url.indexOf('?')
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  const match = TOKEN_PATH.exec(path)
  // `_method` may turn the POST into another route (withMethodOverride); the adapter answers a missing Host
  if (!match || url.includes('_method=') || url.includes('#') || !incoming.headers.host)
    return undefined
  // a declared length within the limit: chunked and oversized bodies (413) stay with the app
  const length = incoming.headers['content-length']
  if (length === undefined || incoming.headers['transfer-encoding'] !== undefined || !(Number(length) <= MAX_BODY_BYTES))
    return undefined
  const type = mediaType(incomingHeader(incoming, 'content-type'))
  if (!TEXT_TYPES.has(type))
    return undefined
  return { path, sessionId: match[1]!, query: new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1)), type }
}

function write(outgoing: ServerResponse, status: number, headers: HeaderRecord, body: string): void {
  headers.set('Content-Length', String(Buffer.byteLength(body)))
  outgoing.writeHead(status, headers.values)
  outgoing.end(body)
}

/**
 * The Node request listener of a served app, with the token endpoint's common case answered without
 * Hono: `POST /v1/client/sessions/:id/tokens` with a form or JSON body of declared length. Every clerk-js
 * tab polls it, and Hono's request and response objects, routing and middleware chain cost more than
 * the endpoint's work. It applies the app's own rules, by calling the same functions as the middleware:
 * origin check, `azp`, body limit and parsing, client credential, the route's `sessionTokenRequest`, the
 * error envelope, security headers and CORS. Anything else, and every request before the database is
 * migrated, goes to `fallback` (the Hono app's listener).
 */
export function withTokenFastPath(deps: Deps, fallback: RequestListener): RequestListener {
  const { db, config, origins, logger } = deps

  async function serve(incoming: IncomingMessage, outgoing: ServerResponse, request: Eligible): Promise<void> {
    const header = (name: string) => incomingHeader(incoming, name)
    const headers = new HeaderRecord()
    let status = 200
    let body: string
    try {
      const azp = azpOf(origins, header)
      if (!isOriginAccepted(origins, 'POST', header))
        throw new FapiError('origin_invalid')
      const form = formOfText(request.type, utf8.decode(await readIncoming(incoming, MAX_BODY_BYTES)))
      const credential = credentialOf(config, name => request.query.get(name) ?? undefined, header('cookie'))
      body = JSON.stringify(await sessionTokenRequest(deps, { sessionId: request.sessionId, credential, form, azp, skipCache: request.query.get('debug') === 'skip_cache' }))
      headers.set('Content-Type', 'application/json')
    }
    catch (error) {
      const answer = answerableError(error as Error, logger, () => `POST ${request.path}`)
      status = answer.status
      for (const [name, value] of Object.entries(errorHeaders(answer)))
        headers.set(name, value)
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(errorEnvelope(answer))
    }
    // the order of the app's middleware: CORS first, then the security headers around it
    applyCorsHeaders(headers, origins, header('origin'))
    applySecurityHeaders(headers)
    write(outgoing, status, headers, body)
  }

  return (incoming, outgoing) => {
    const request = isMigrated(db) ? eligible(incoming) : undefined
    if (!request)
      return fallback(incoming, outgoing)
    serve(incoming, outgoing, request).catch((error: Error) => {
      logger.error(`[portico-server] POST ${request.path} failed: ${error.stack ?? error.message}`)
      outgoing.destroy()
    })
  }
}
