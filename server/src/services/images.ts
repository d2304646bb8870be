import type { Kysely } from 'kysely'
import type { PorticoConfig } from '../config'
import type { Database } from '../db/schema'
import type { UploadedFile } from '../http/uploads'
import { createHash } from 'node:crypto'
import { IMAGE_UPLOAD_MAX_BYTES } from '../contract'
import { FapiError, missingParam } from '../errors/fapiError'
import { newId } from '../utils/newId'

/** An upload that passed the checks: its bytes and the type they show. */
export interface CheckedImage {
  bytes: Uint8Array
  contentType: string
  sha256: string
}

/** Who an image belongs to. */
export type ImageOwner = { userId: string } | { organizationId: string }

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte)
}
const ascii = (text: string): number[] => [...text].map(char => char.charCodeAt(0))

/** The image type the bytes show by their signature (PNG, JPEG, GIF, WebP), or null for anything else. */
export function sniffImageType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    return 'image/png'
  if (startsWith(bytes, [0xFF, 0xD8, 0xFF]))
    return 'image/jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))
    return 'image/gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return 'image/webp'
  return null
}

/**
 * Checks the `file` of an upload: present (`form_param_missing`), at most `IMAGE_UPLOAD_MAX_BYTES`
 * (`413 payload_too_large`), and a PNG, JPEG, GIF or WebP by its bytes whatever it claims
 * (`422 form_param_format_invalid`): the type served later is the one found here.
 */
export function checkImageUpload(file: UploadedFile | undefined): CheckedImage {
  if (!file || file.bytes.byteLength === 0)
    throw missingParam('file')
  if (file.bytes.byteLength > IMAGE_UPLOAD_MAX_BYTES)
    throw new FapiError('payload_too_large', { longMessage: `The image is larger than ${IMAGE_UPLOAD_MAX_BYTES / 1024 / 1024} MB.`, meta: { param_name: 'file' } })
  const contentType = sniffImageType(file.bytes)
  if (!contentType)
    throw new FapiError('form_param_format_invalid', { longMessage: 'The file is not a PNG, JPEG, GIF or WebP image.', meta: { param_name: 'file' } })
  return { bytes: file.bytes, contentType, sha256: createHash('sha256').update(file.bytes).digest('hex') }
}

/** Stores an image for its owner and returns its id (the caller points the owner at it). */
export async function insertImage(trx: Kysely<Database>, owner: ImageOwner, image: CheckedImage, now: number): Promise<string> {
  const id = newId('img')
  await trx.insertInto('images').values({
    id,
    user_id: 'userId' in owner ? owner.userId : null,
    organization_id: 'organizationId' in owner ? owner.organizationId : null,
    content_type: image.contentType,
    bytes: image.bytes,
    byte_size: image.bytes.byteLength,
    sha256: image.sha256,
    created_at: now,
  }).execute()
  return id
}

/** Where an image is served: under the server's public URL, so that `<img src>` works from any app. */
export function imageUrl(config: PorticoConfig, imageId: string | null): string {
  return imageId ? `${config.publicUrl.replace(/\/+$/, '')}/v1/images/${imageId}` : ''
}
