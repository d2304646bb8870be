import { IMAGE_UPLOAD_MAX_BYTES } from '../contract'
import { FapiError } from '../errors/fapiError'

/** A file part of a multipart body, or the decoded body of an `application/octet-stream` upload. */
export interface UploadedFile {
  bytes: Uint8Array
  /** The type the sender declared (never trusted: the bytes decide). */
  type: string
  name: string | null
}

// the routes that take an image: clerk-js's `setProfileImage` and `setLogo`
const UPLOAD_PATHS = [/^\/v1\/me\/profile_image$/, /^\/v1\/organizations\/[^/]+\/logo$/]

/**
 * The body limit of the upload routes: the largest image, as base64 (clerk-js sends a string `file` that
 * way), plus room for the multipart framing. Every other route keeps the 1 MiB limit.
 */
export const MAX_UPLOAD_BODY_BYTES = Math.ceil(IMAGE_UPLOAD_MAX_BYTES * 4 / 3) + 64 * 1024

/** True for the paths that accept an image upload. */
export function isUploadPath(path: string): boolean {
  return UPLOAD_PATHS.some(pattern => pattern.test(path))
}

/**
 * Decodes the text clerk-js sends as `application/octet-stream` when `file` is a string: a `data:` URL or
 * bare base64. Anything else is `422 form_param_format_invalid` (`file`).
 */
export function decodeBase64Upload(text: string): UploadedFile {
  const trimmed = text.trim()
  const dataUrl = /^data:([^;,]*)(?:;[^,]*)?;base64,(.*)$/is.exec(trimmed)
  const base64 = (dataUrl ? dataUrl[2]! : trimmed).replace(/\s+/g, '')
  if (base64 === '' || !/^[\w+/\-]+={0,2}$/.test(base64))
    throw new FapiError('form_param_format_invalid', { meta: { param_name: 'file' } })
  return { bytes: new Uint8Array(Buffer.from(base64, 'base64')), type: dataUrl?.[1] ?? '', name: null }
}
