import type { Context, MiddlewareHandler } from 'hono'
import type { IncomingMessage } from 'node:http'
import type { AppEnv } from '../appEnv'
import type { UploadedFile } from '../http/uploads'
import type { FormBody } from '../utils/formBody'
import { FapiError } from '../errors/fapiError'
import { requestHeader } from '../http/requestHeader'
import { decodeBase64Upload, isUploadPath, MAX_UPLOAD_BODY_BYTES } from '../http/uploads'
import { formFromJson, parseFormBody } from '../utils/formBody'

const utf8 = new TextDecoder()

/** IN-2: the largest request body accepted, 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024

async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > limit)
    throw new FapiError('payload_too_large')
  if (!request.body)
    return new Uint8Array()
  // count while reading: a chunked body announces no length (security.md catalog #42)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  while (true) {
    const { done, value } = await reader.read()
    if (done)
      break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw new FapiError('payload_too_large')
    }
    chunks.push(value)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * Under @hono/node-server the Node request is `c.env.incoming`. While nothing has started reading it
 * (`readableFlowing` is still null), reading it directly skips the web ReadableStream, AbortSignal and
 * full Request that `request.body` builds: on the token endpoint that was a tenth of the main thread's
 * time. In-process requests (`app.request()`) have no `incoming` and take the web path.
 */
function unreadIncoming(c: Context<AppEnv>): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  return incoming?.readableFlowing === null && !incoming.readableEnded ? incoming : undefined
}

/**
 * Reads a Node request's body within `limit` bytes (413 beyond). Events rather than `for await`: the
 * async iterator's promises and end-of-stream tracking cost more than the few bytes of a typical FAPI body.
 */
export function readIncoming(incoming: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(incoming.headers['content-length'] ?? 0) > limit)
    return Promise.reject(new FapiError('payload_too_large'))
  return new Promise((resolve, reject) => {
    const chunks: Buffer<ArrayBuffer>[] = []
    let size = 0
    function finish(error?: Error) {
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('error', finish)
      incoming.off('close', onClose)
      if (!error)
        return resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))
      // the unread rest of an oversized body is drained by Node's HTTP server after the 413 is sent
      incoming.pause()
      reject(error)
    }
    function onData(chunk: Buffer<ArrayBuffer>) {
      size += chunk.byteLength
      if (size > limit)
        return finish(new FapiError('payload_too_large'))
      chunks.push(chunk)
    }
    function onEnd() {
      finish()
    }
    function onClose() {
      finish(new Error('the request body ended early'))
    }
    incoming.on('data', onData)
    incoming.on('end', onEnd)
    incoming.on('error', finish)
    incoming.on('close', onClose)
  })
}

/** The media type of a Content-Type header: lower-case, without parameters, '' when there is none. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

/**
 * The form of a text body by its media type: JSON (flattened as clerk-js encodes forms), form-urlencoded
 * or unlabelled (read as a form), nothing for an empty body of another type; any other type with a body
 * gets `415 unsupported_content_type`.
 */
export function formOfText(type: string, text: string): FormBody {
  if (type === 'application/json') {
    try {
      return formFromJson(text ? JSON.parse(text) : {})
    }
    catch {
      throw new FapiError('request_body_invalid')
    }
  }
  // clerk-js always labels its bodies; an unlabelled one (curl, scripts) is read as a form
  if (type === 'application/x-www-form-urlencoded' || type === '')
    return parseFormBody(text)
  if (text.length > 0)
    throw new FapiError('unsupported_content_type')
  return Object.create(null)
}

/**
 * Reads the body of every non-GET request once, within the 1 MiB limit (413), into `c.var.form`:
 * form-urlencoded (what clerk-js sends; repeated keys become arrays), JSON (flattened the same way),
 * or multipart (file parts go to `c.var.files`). The image upload routes take larger bodies, and also
 * `application/octet-stream` (a base64 `file`). Other content types get 415.
 */
export function parseBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let form: FormBody = Object.create(null)
    const files: Record<string, UploadedFile> = Object.create(null)
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const upload = isUploadPath(c.req.path)
      const limit = upload ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES
      const incoming = unreadIncoming(c)
      const read = () => incoming ? readIncoming(incoming, limit) : readLimited(c.req.raw, limit)
      const type = mediaType(requestHeader(c, 'content-type'))
      if (type === 'multipart/form-data') {
        const bytes = await read()
        let parsed: FormData
        try {
          parsed = await new Response(bytes, { headers: { 'content-type': c.req.header('content-type')! } }).formData()
        }
        catch {
          throw new FapiError('request_body_invalid')
        }
        for (const [key, value] of parsed) {
          if (typeof value === 'string')
            form[key] = key in form ? [form[key]!, value].flat() : value
          else
            files[key] ??= { bytes: new Uint8Array(await value.arrayBuffer()), type: value.type, name: value.name || null }
        }
      }
      else if (upload && type === 'application/octet-stream') {
        files.file = decodeBase64Upload(utf8.decode(await read()))
      }
      else {
        form = formOfText(type, utf8.decode(await read()))
      }
    }
    c.set('form', form)
    c.set('files', files)
    await next()
  }
}
